package io.jmachine.driver;

import io.jmachine.error.MachineException;
import java.util.Collection;

/** A driver name that no built-in driver answers to. */
public final class DriverNotFoundException extends MachineException {
  private static final long serialVersionUID = 1L;

  public DriverNotFoundException(String name, Collection<String> known) {
    super(
        "Driver \""
            + name
            + "\" not found. Do you have the plugin binary \"docker-machine-driver-"
            + name
            + "\" accessible in your PATH? Available drivers: "
            + String.join(", ", known));
  }
}
