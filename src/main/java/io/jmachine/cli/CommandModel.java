package io.jmachine.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * A command's flags and arguments, declared in one place with picocli's programmatic API, and a
 * typed view of their parsed values. Annotations would cost every start-up reflection over the
 * command's fields and an annotation proxy class per annotation type, which JDK 17 never puts in
 * the class-data sharing archive (docs/performance.md, "Where the time goes").
 */
public final class CommandModel {
  private final CommandSpec spec;

  private CommandModel(String name, Object command, List<OptionSpec.Builder> flags) {
    // the command stays picocli's user object: MachineCli asks it what kind of verb it is
    spec = CommandSpec.wrapWithoutInspection(command).name(name);
    flags.forEach(flag -> spec.addOption(flag.build()));
  }

  /** The root command with its global flags. */
  static CommandModel root(String name, Object command, OptionSpec.Builder... flags) {
    return new CommandModel(name, command, List.of(flags));
  }

  /**
   * A verb: `--help, -h` (help screens leave it out, as docker-machine's do), then its own flags,
   * and its arguments.
   */
  public static CommandModel verb(String name, Object command, OptionSpec.Builder... flags) {
    List<OptionSpec.Builder> all = new ArrayList<>();
    all.add(Flags.help());
    all.addAll(List.of(flags));
    return new CommandModel(name, command, all).withArguments();
  }

  /** The one verb without a `--help` flag: `help`, whose arguments name a command. */
  public static CommandModel withoutHelpFlag(String name, Object command) {
    return new CommandModel(name, command, List.of()).withArguments();
  }

  private CommandModel withArguments() {
    spec.addPositional(
        PositionalParamSpec.builder()
            .type(List.class)
            .auxiliaryTypes(String.class)
            // as picocli infers it for a List field: every argument, in order
            .arity(Range.valueOf("0..1").unspecified(true))
            .initialValue(List.of())
            .build());
    return this;
  }

  CommandSpec spec() {
    return spec;
  }

  public boolean bool(String name) {
    return option(name).<Boolean>getValue();
  }

  public String string(String name) {
    return option(name).getValue();
  }

  public int integer(String name) {
    return option(name).<Integer>getValue();
  }

  public List<String> list(String name) {
    return option(name).getValue();
  }

  /** A flag's value as parsed, for flags declared at run time (a driver's create flags). */
  public Object value(String name) {
    return option(name).getValue();
  }

  /** The arguments that are not flags, in order. */
  public List<String> arguments() {
    return spec.positionalParameters().get(0).getValue();
  }

  private OptionSpec option(String name) {
    OptionSpec option = spec.findOption(name);
    if (option == null) {
      throw new IllegalArgumentException(spec.name() + " declares no flag " + name);
    }
    return option;
  }
}
