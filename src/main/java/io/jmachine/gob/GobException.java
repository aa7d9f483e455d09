package io.jmachine.gob;

import io.jmachine.error.MachineException;

/** A gob stream that this decoder cannot read, or a value that does not fit its type. */
public final class GobException extends MachineException {
  private static final long serialVersionUID = 1L;

  public GobException(String message) {
    super("gob: " + message);
  }
}
