package io.jmachine.store;

import io.jmachine.error.MachineException;

public final class MachineNotFoundException extends MachineException {
  private static final long serialVersionUID = 1L;

  public MachineNotFoundException(String name) {
    super(
        "Docker machine \""
            + name
            + "\" does not exist. Use \"docker-machine ls\" to list machines. Use \"docker-machine"
            + " create\" to add a new one.");
  }
}
