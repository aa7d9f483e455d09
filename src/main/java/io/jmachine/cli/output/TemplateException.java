package io.jmachine.cli.output;

import io.jmachine.error.MachineException;

/** A --format template that does not parse or cannot run on the data. */
public final class TemplateException extends MachineException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
