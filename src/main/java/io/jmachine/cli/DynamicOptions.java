package io.jmachine.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** A verb whose flags depend on its arguments (create: the chosen driver's flags). */
public interface DynamicOptions {
  void addOptions(CommandSpec spec, List<String> args);

  /** docker-machine sorts create's merged flag list by name. */
  default boolean sortedHelp() {
    return true;
  }
}
