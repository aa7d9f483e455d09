package io.jmachine.provision;

import io.jmachine.error.MachineException;

/** A provisioning step failed: the message names the step, the remote command and its output. */
public final class ProvisionException extends MachineException {
  private static final long serialVersionUID = 1L;

  public ProvisionException(String message) {
    super(message);
  }

  public ProvisionException(String message, Throwable cause) {
    super(message, cause);
  }
}
