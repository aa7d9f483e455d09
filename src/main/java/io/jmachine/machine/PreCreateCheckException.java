package io.jmachine.machine;

import io.jmachine.error.GoQuote;
import io.jmachine.error.MachineException;

/** A driver refused to create a machine here; docker-machine exits 3 for this one. */
public final class PreCreateCheckException extends MachineException {
  private static final long serialVersionUID = 1L;

  public PreCreateCheckException(String cause) {
    super("Error with pre-create check: " + GoQuote.quote(cause));
  }
}
