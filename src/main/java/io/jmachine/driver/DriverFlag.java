package io.jmachine.driver;

import java.util.List;

/**
 * A create flag a driver contributes, described the way docker-machine's drivers describe theirs so
 * help, completion and config all come from one place.
 */
public record DriverFlag(String name, Kind kind, String usage, String envVar, Object defaultValue) {
  public enum Kind {
    STRING,
    STRING_SLICE,
    INT,
    BOOL
  }

  public static DriverFlag string(String name, String usage, String envVar, String def) {
    return new DriverFlag(name, Kind.STRING, usage, envVar, def);
  }

  public static DriverFlag integer(String name, String usage, String envVar, int def) {
    return new DriverFlag(name, Kind.INT, usage, envVar, def);
  }

  public static DriverFlag bool(String name, String usage, String envVar) {
    return new DriverFlag(name, Kind.BOOL, usage, envVar, false);
  }

  public static DriverFlag strings(String name, String usage, String envVar, List<String> def) {
    return new DriverFlag(name, Kind.STRING_SLICE, usage, envVar, def);
  }
}
