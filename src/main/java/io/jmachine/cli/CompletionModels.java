package io.jmachine.cli;

import io.jmachine.driver.DriverFlag;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.driver.MachineState;
import io.jmachine.shell.Shell;
import io.jmachine.shell.completion.CompletionModel;
import io.jmachine.shell.completion.CompletionModel.ArgsKind;
import io.jmachine.shell.completion.CompletionModel.Flag;
import io.jmachine.shell.completion.CompletionModel.ValueKind;
import io.jmachine.shell.completion.CompletionModel.Verb;
import io.jmachine.shell.completion.ShellScripts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads the completion model off the picocli command tree: every verb with the flags its class
 * declares, the global flags, and each registered driver's create flags. What picocli cannot know
 * (what a verb's arguments are, which flag values are paths or drivers) is stated here, and a verb
 * missing from the table fails the build's completion tests instead of silently completing nothing.
 */
public final class CompletionModels {
  /** What each verb's positional arguments are. */
  private static final Map<String, ArgsKind> ARGS =
      Map.ofEntries(
          Map.entry("active", ArgsKind.NONE),
          Map.entry("completion", ArgsKind.WORDS),
          Map.entry("config", ArgsKind.MACHINE),
          Map.entry("create", ArgsKind.NEW_NAME),
          Map.entry("env", ArgsKind.MACHINE),
          Map.entry("inspect", ArgsKind.MACHINE),
          Map.entry("ip", ArgsKind.MACHINES),
          Map.entry("kill", ArgsKind.MACHINES),
          Map.entry("ls", ArgsKind.NONE),
          Map.entry("provision", ArgsKind.MACHINES),
          Map.entry("regenerate-certs", ArgsKind.MACHINES),
          Map.entry("restart", ArgsKind.MACHINES),
          Map.entry("rm", ArgsKind.MACHINES),
          Map.entry("ssh", ArgsKind.SSH),
          Map.entry("scp", ArgsKind.SCP),
          Map.entry("mount", ArgsKind.MOUNT),
          Map.entry("start", ArgsKind.MACHINES),
          Map.entry("status", ArgsKind.MACHINE),
          Map.entry("stop", ArgsKind.MACHINES),
          Map.entry("upgrade", ArgsKind.MACHINES),
          Map.entry("url", ArgsKind.MACHINE),
          Map.entry("version", ArgsKind.MACHINE),
          Map.entry("help", ArgsKind.VERB));

  /** Flag values worth completing, by "verb --flag" ("" for global flags); others are ANY. */
  private static final Map<String, ValueKind> VALUES =
      Map.of(
          " --storage-path", ValueKind.DIRECTORY,
          " --tls-ca-cert", ValueKind.FILE,
          " --tls-ca-key", ValueKind.FILE,
          " --tls-client-cert", ValueKind.FILE,
          " --tls-client-key", ValueKind.FILE,
          "create --driver", ValueKind.DRIVER,
          "env --shell", ValueKind.SHELL,
          "ls --filter", ValueKind.FILTER);

  /** Fixed choices (docker-machine's zsh completion offered the same). */
  private static final Map<String, List<String>> WORDS =
      Map.of(
          "create --engine-storage-driver",
          List.of("aufs", "btrfs", "devicemapper", "overlay", "overlay2", "vfs", "zfs"),
          "create --swarm-strategy",
          List.of("binpack", "random", "spread"));

  /** Driver flags whose value is a local file, by the names drivers give such flags. */
  private static final Pattern FILE_FLAG = Pattern.compile(".*(-ssh-key|-path|-file|-cert)$");

  /** The keys `ls --filter` accepts (ListFilters). */
  static final List<String> FILTER_KEYS = List.of("driver", "label", "name", "state", "swarm");

  private CompletionModels() {}

  /** The model of this build: its verbs and the drivers the registry holds. */
  public static CompletionModel of(DriverRegistry registry, String defaultDriver) {
    List<Verb> verbs = new ArrayList<>();
    for (Commands.Entry entry : Commands.ALL) {
      ArgsKind args = ARGS.get(entry.name());
      if (args == null) {
        throw new IllegalStateException(
            "no completion rule for the arguments of '" + entry.name() + "'");
      }
      CommandSpec spec = entry.create(null).model().spec();
      if (spec.userObject() instanceof DynamicOptions dynamic) {
        dynamic.addOptions(spec, List.of()); // the shared flags only: drivers come below
      }
      List<String> words =
          entry.name().equals("completion") ? ShellScripts.names() : List.<String>of();
      verbs.add(new Verb(entry.name(), entry.usage(), flags(entry.name(), spec), args, words));
    }
    CommandSpec root = new MachineCommand().model().spec();
    List<CompletionModel.Driver> drivers = new ArrayList<>();
    for (String name : registry.names()) {
      List<Flag> flags = new ArrayList<>();
      for (DriverFlag flag : registry.require(name).createFlags()) {
        flags.add(driverFlag(flag));
      }
      flags.sort(Comparator.comparing(f -> f.names().get(0)));
      drivers.add(new CompletionModel.Driver(name, flags));
    }
    List<String> states =
        Arrays.stream(MachineState.values())
            .map(MachineState::label)
            .filter(label -> !label.isEmpty())
            .sorted()
            .toList();
    return new CompletionModel(
        flags("", root), verbs, drivers, defaultDriver, Shell.names(), FILTER_KEYS, states);
  }

  private static List<Flag> flags(String verb, CommandSpec spec) {
    List<Flag> flags = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      List<String> names = new ArrayList<>(Arrays.asList(option.names()));
      names.sort(Comparator.comparing((String n) -> !n.startsWith("--")));
      String key = verb + " " + names.get(0);
      ValueKind value = ValueKind.NONE;
      List<String> words = List.of();
      if (option.arity().max() > 0) {
        value = VALUES.getOrDefault(key, ValueKind.ANY);
        if (WORDS.containsKey(key)) {
          value = ValueKind.WORDS;
          words = WORDS.get(key);
        }
      }
      flags.add(
          new Flag(
              names, String.join(" ", option.description()), value, words, option.isMultiValue()));
    }
    flags.sort(Comparator.comparing(f -> f.names().get(0)));
    return flags;
  }

  private static Flag driverFlag(DriverFlag flag) {
    ValueKind value =
        switch (flag.kind()) {
          case BOOL -> ValueKind.NONE;
          default -> FILE_FLAG.matcher(flag.name()).matches() ? ValueKind.FILE : ValueKind.ANY;
        };
    return new Flag(
        List.of("--" + flag.name()),
        flag.usage(),
        value,
        List.of(),
        flag.kind() == DriverFlag.Kind.STRING_SLICE);
  }
}
