package io.jmachine.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Starts the declaration of a flag of each type the commands use, preset as picocli presets an
 * annotated field of that type (arity, initial value), so that parsing stays the same. Callers add
 * description, default and environment variable with picocli's own builder methods; the
 * descriptionKey names the variable ({@link EnvDefaults}).
 */
public final class Flags {
  private Flags() {}

  /** A switch: present or not, never given a value. */
  public static OptionSpec.Builder bool(String... names) {
    return OptionSpec.builder(names).type(boolean.class).initialValue(false);
  }

  public static OptionSpec.Builder string(String... names) {
    return OptionSpec.builder(names).type(String.class);
  }

  public static OptionSpec.Builder integer(String... names) {
    return OptionSpec.builder(names).type(int.class).initialValue(0);
  }

  /** A repeatable flag: each occurrence adds one value. */
  public static OptionSpec.Builder list(String... names) {
    return OptionSpec.builder(names)
        .type(List.class)
        .auxiliaryTypes(String.class)
        .initialValue(new ArrayList<String>());
  }

  /** `--help, -h`: asks for the command's help screen. */
  public static OptionSpec.Builder help() {
    return bool("--help", "-h").usageHelp(true).description("show help");
  }
}
