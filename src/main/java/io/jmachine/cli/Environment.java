package io.jmachine.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment and working directory a command sees; injected so tests run commands
 * in-process with their own variables.
 */
public record Environment(Map<String, String> variables, Path home) {
  public static Environment of(Map<String, String> variables) {
    String home = variables.getOrDefault("HOME", System.getProperty("user.home"));
    return new Environment(Map.copyOf(variables), Path.of(home));
  }

  public String get(String name) {
    return variables.getOrDefault(name, "");
  }

  /** Go's strconv.ParseBool; null when the text is not a boolean. */
  public static Boolean parseBool(String text) {
    switch (text) {
      case "1", "t", "T", "TRUE", "true", "True":
        return Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False":
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
