package io.jmachine.shell.completion;

import java.util.List;
import java.util.Optional;

/**
 * What the completion scripts know about the command line, taken from the command model (verbs,
 * their flags, the registered drivers and theirs) so the scripts never drift from the real flags.
 * The scripts themselves are rendered from this by {@link BashCompletion}, {@link ZshCompletion}
 * and {@link FishCompletion}.
 *
 * @param globalFlags the flags before the verb
 * @param verbs every verb, in help order
 * @param drivers the registered drivers, by name
 * @param defaultDriver the driver `create` uses without --driver or $MACHINE_DRIVER
 * @param shells the names `env --shell` accepts and completion offers
 * @param filterKeys the keys of `ls --filter KEY=VALUE`
 * @param states the machine states a `state=` filter matches
 */
public record CompletionModel(
    List<Flag> globalFlags,
    List<Verb> verbs,
    List<Driver> drivers,
    String defaultDriver,
    List<String> shells,
    List<String> filterKeys,
    List<String> states) {

  public CompletionModel {
    globalFlags = List.copyOf(globalFlags);
    verbs = List.copyOf(verbs);
    drivers = List.copyOf(drivers);
    shells = List.copyOf(shells);
    filterKeys = List.copyOf(filterKeys);
    states = List.copyOf(states);
  }

  /** How a flag's value completes. */
  public enum ValueKind {
    /** A boolean flag: it takes no value. */
    NONE,
    /** A value with nothing to offer (a URL, a number, a token). */
    ANY,
    FILE,
    DIRECTORY,
    DRIVER,
    SHELL,
    /** `ls --filter`: KEY= first, then the values of that key. */
    FILTER,
    /** One of a fixed list of words. */
    WORDS
  }

  /**
   * One flag under all its names, long name first.
   *
   * @param words the choices of a {@link ValueKind#WORDS} flag
   * @param repeatable whether the flag may be given more than once (string slices)
   */
  public record Flag(
      List<String> names,
      String description,
      ValueKind value,
      List<String> words,
      boolean repeatable) {
    public Flag {
      names = List.copyOf(names);
      words = List.copyOf(words);
    }

    public boolean takesValue() {
      return value != ValueKind.NONE;
    }
  }

  /** What a verb's positional arguments are. */
  public enum ArgsKind {
    /** No arguments. */
    NONE,
    /** At most one machine name. */
    MACHINE,
    /** Any number of machine names. */
    MACHINES,
    /** The name of a machine that does not exist yet: nothing to offer. */
    NEW_NAME,
    /** A machine, then a remote command. */
    SSH,
    /** `[[user@]machine:][path]` twice: local files and `machine:`. */
    SCP,
    /** `machine:[path]` then a local directory. */
    MOUNT,
    /** A verb name (help). */
    VERB,
    /** One of a fixed list of words. */
    WORDS
  }

  /** A verb, its one-line usage, its flags and its arguments. */
  public record Verb(
      String name, String usage, List<Flag> flags, ArgsKind args, List<String> words) {
    public Verb {
      flags = List.copyOf(flags);
      words = List.copyOf(words);
    }
  }

  /** A registered driver and the create flags it adds. */
  public record Driver(String name, List<Flag> flags) {
    public Driver {
      flags = List.copyOf(flags);
    }
  }

  public Optional<Verb> verb(String name) {
    return verbs.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public List<String> verbNames() {
    return verbs.stream().map(Verb::name).toList();
  }

  public List<String> driverNames() {
    return drivers.stream().map(Driver::name).toList();
  }

  /**
   * The `use` verb of the wrapper script: `env`'s flags except --shell, since the wrapper evals the
   * output in the shell it runs in.
   */
  public Verb useVerb() {
    Verb env = verb("env").orElseThrow();
    return new Verb(
        "use",
        "Evaluate the commands to set up the environment for the Docker client",
        env.flags().stream().filter(f -> !f.names().contains("--shell")).toList(),
        ArgsKind.MACHINE,
        List.of());
  }
}
