package io.jmachine.cli;

import io.jmachine.error.MachineException;

/** Wrong arguments for a command: docker-machine prints the command's help, then the error. */
public final class UsageException extends MachineException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
