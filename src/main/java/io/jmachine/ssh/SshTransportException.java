package io.jmachine.ssh;

import io.jmachine.error.MachineException;

/** The connection failed (unreachable, refused, auth, host key, dropped), not the command. */
public class SshTransportException extends MachineException {
  private static final long serialVersionUID = 1L;

  public SshTransportException(String message) {
    super(message);
  }

  public SshTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
