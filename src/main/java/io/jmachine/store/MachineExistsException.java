package io.jmachine.store;

import io.jmachine.error.MachineException;

public final class MachineExistsException extends MachineException {
  private static final long serialVersionUID = 1L;

  public MachineExistsException(String name) {
    super("Docker machine \"" + name + "\" already exists");
  }
}
