package io.jmachine.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives options their environment-variable defaults from the injected environment. An option's
 * descriptionKey names its variable (picocli's own `${env:}` reads the real process environment,
 * which in-process tests cannot set). Booleans are read with Go's ParseBool; an unparsable or empty
 * value counts as unset, as in docker-machine.
 */
final class EnvDefaults implements IDefaultValueProvider {
  static final String HOME_STORE = "~/.docker/machine";
  private final Environment env;

  EnvDefaults(Environment env) {
    this.env = env;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg.isMultiValue()) {
      return null; // list flags read their variable themselves: Go splits it on commas
    }
    String variable = variable(arg);
    String value = variable.isEmpty() ? "" : env.get(variable);
    if (value.isEmpty()) {
      return HOME_STORE.equals(arg.defaultValue()) ? homeStore() : null;
    }
    if (arg.type() == boolean.class || arg.type() == Boolean.class) {
      Boolean parsed = Environment.parseBool(value);
      return parsed == null ? null : parsed.toString();
    }
    return value;
  }

  /** The environment variable behind an option, or "". */
  static String variable(ArgSpec arg) {
    return arg instanceof OptionSpec o && o.descriptionKey() != null ? o.descriptionKey() : "";
  }

  /** The default help shows: the literal default, with the home store spelled out. */
  String shownDefault(ArgSpec arg) {
    String value = arg.defaultValue();
    if (value == null) {
      return "";
    }
    if (!HOME_STORE.equals(value)) {
      return value;
    }
    // docker-machine's default here is its base directory, which MACHINE_STORAGE_PATH sets
    String variable = env.get(variable(arg));
    return variable.isEmpty() ? homeStore() : variable;
  }

  private String homeStore() {
    return env.home().resolve(".docker").resolve("machine").toString();
  }
}
