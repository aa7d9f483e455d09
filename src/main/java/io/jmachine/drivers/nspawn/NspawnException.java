package io.jmachine.drivers.nspawn;

import io.jmachine.error.MachineException;

/** A failure of the nspawn driver; the message says what went wrong and what to do. */
final class NspawnException extends MachineException {
  private static final long serialVersionUID = 1L;

  NspawnException(String message) {
    super(message);
  }

  NspawnException(String message, Throwable cause) {
    super(message, cause);
  }
}
