package io.jmachine.netrpc;

import io.jmachine.error.MachineException;

/**
 * A call that failed: the server's error text as net/rpc transports it, or the broken connection's.
 */
public final class RpcException extends MachineException {
  private static final long serialVersionUID = 1L;

  public RpcException(String message) {
    super(message);
  }

  public RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
