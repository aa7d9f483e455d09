package io.jmachine.cli.output;

import io.jmachine.error.MachineException;

/**
 * A Go template that does not parse or fails while executing. {@link #getMessage()} is what
 * docker-machine prints for `inspect --format` ({@code template parsing error: template: :1:
 * unclosed action}, or the bare execution error); {@link #templateError()} is the error exactly as
 * Go's text/template reports it, which is what `ls --format` prints for a parse error.
 */
public final class TemplateException extends MachineException {
  private static final long serialVersionUID = 1L;

  private final String templateError;

  public TemplateException(String message) {
    this(message, message);
  }

  TemplateException(String message, String templateError) {
    super(message);
    this.templateError = templateError;
  }

  /** The error text of Go's text/template, e.g. {@code template: :1: unclosed action}. */
  public String templateError() {
    return templateError;
  }
}
