package io.jmachine.cli;

import io.jmachine.cert.TlsWarmUp;
import io.jmachine.cli.output.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Parses a command line the way docker-machine does and runs the verb it names. */
public final class MachineCli {
  /** Verbs that shake hands with an engine on their everyday path; see {@link TlsWarmUp}. */
  private static final Set<String> HANDSHAKING_VERBS = Set.of("env", "config", "ls");

  private final Console console;
  private final Environment env;
  private final String programName;

  private final String argv0;

  /** argv0 as invoked: hints repeat it, while messages name the program by its base name. */
  public MachineCli(Console console, Environment env, String argv0) {
    this.console = console;
    this.env = env;
    this.argv0 = argv0;
    this.programName = java.nio.file.Path.of(argv0).getFileName().toString();
  }

  public int run(List<String> args) {
    String debugVar = env.get("MACHINE_DEBUG");
    if (!debugVar.isEmpty() && Environment.parseBool(debugVar) == null) {
      console.error(
          "Error parsing boolean value from MACHINE_DEBUG: strconv.ParseBool: parsing \""
              + debugVar
              + "\": invalid syntax");
      return ErrorHandler.ERROR;
    }
    // before the command line is even parsed: the verb is usually first, or follows `-s STORE` or a
    // flag; a wrong guess (`ssh m1 ls`) only costs the second thread's work
    boolean warming = false;
    for (int i = 0; i < Math.min(3, args.size()); i++) {
      warming |= HANDSHAKING_VERBS.contains(args.get(i));
    }
    if (warming) {
      TlsWarmUp.start();
    }
    MachineCommand global = new MachineCommand();
    List<String> invocation = new ArrayList<>();
    invocation.add(argv0);
    invocation.addAll(args);
    CommandContext context = new CommandContext(console, env, programName, invocation, global);
    try {
      return run(args, global, context, warming);
    } finally {
      context.close(); // plugin processes end with the command, whatever happened
    }
  }

  private int run(
      List<String> args, MachineCommand global, CommandContext context, boolean warming) {
    EnvDefaults defaults = new EnvDefaults(env);
    HelpRenderer help = new HelpRenderer(programName, argv0, defaults);
    boolean debug = debugRequested(args, env);
    ErrorHandler errors = new ErrorHandler(console, debug);

    CommandLine root = configure(new CommandLine(global.model().spec()), defaults);
    String verb = findVerb(root.getCommandSpec(), args);
    if (!warming && verb != null && HANDSHAKING_VERBS.contains(verb)) {
      TlsWarmUp.start(); // the verb came after more options than the guess looks through
    }
    Optional<Commands.Entry> entry = verb == null ? Optional.empty() : Commands.find(verb);
    if (verb != null && entry.isEmpty()) {
      console.error(notACommand(verb));
      return ErrorHandler.ERROR;
    }
    CommandLine sub = null;
    if (entry.isPresent()) {
      VerbCommand command = entry.get().create(context);
      sub = configure(new CommandLine(command.model().spec()), defaults);
      root.addSubcommand(verb, sub);
      if (command instanceof DynamicOptions dynamic) {
        try {
          dynamic.addOptions(
              sub.getCommandSpec(), args.subList(args.indexOf(verb) + 1, args.size()));
        } catch (RuntimeException e) {
          return errors.handle(e);
        }
      }
    }
    ParseResult parsed;
    List<String> normalized = GoFlags.normalize(args, root.getCommandSpec(), sub, verb);
    try {
      parsed = root.parseArgs(normalized.toArray(new String[0]));
    } catch (ParameterException e) {
      return usageError(GoFlags.message(e, normalized), e, help, root, entry);
    }
    try {
      if (debug) {
        console.error("Docker Machine Version:  " + Version.TEXT);
      }
      if (parsed.isUsageHelpRequested()
          || !parsed.hasSubcommand() && !parsed.isVersionHelpRequested()) {
        console.data(help.appHelp(root.getCommandSpec(), Commands.ALL));
        return ErrorHandler.OK;
      }
      if (parsed.isVersionHelpRequested()) {
        console.data(programName + " version " + Version.TEXT + "\n");
        return ErrorHandler.OK;
      }
      if (parsed.subcommand().isUsageHelpRequested()) {
        console.data(commandHelp(help, sub, entry.get()));
        return ErrorHandler.OK;
      }
      return runVerb(sub, entry.get(), help);
    } catch (RuntimeException e) {
      return errors.handle(e);
    }
  }

  private int runVerb(CommandLine sub, Commands.Entry entry, HelpRenderer help) {
    Object command = sub.getCommand();
    try {
      if (command instanceof HelpTopic topic) {
        return showTopic(topic.topic(), help);
      }
      @SuppressWarnings("unchecked")
      Integer code = ((Callable<Integer>) command).call();
      return code == null ? ErrorHandler.OK : code;
    } catch (UsageException e) {
      console.data(commandHelp(help, sub, entry));
      console.error(e.getMessage());
      return ErrorHandler.USAGE;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** `help` and `help VERB`. */
  private int showTopic(String topic, HelpRenderer help) {
    if (topic == null) {
      CommandLine root =
          configure(new CommandLine(new MachineCommand().model().spec()), new EnvDefaults(env));
      console.data(help.appHelp(root.getCommandSpec(), Commands.ALL));
      return ErrorHandler.OK;
    }
    Optional<Commands.Entry> entry = Commands.find(topic);
    if (entry.isEmpty()) {
      console.error(notACommand(topic));
      return ErrorHandler.ERROR;
    }
    VerbCommand command = entry.get().create(null);
    CommandLine sub = configure(new CommandLine(command.model().spec()), new EnvDefaults(env));
    if (command instanceof DynamicOptions dynamic) {
      dynamic.addOptions(sub.getCommandSpec(), List.of());
    }
    console.data(commandHelp(help, sub, entry.get()));
    return ErrorHandler.OK;
  }

  private String commandHelp(HelpRenderer help, CommandLine sub, Commands.Entry entry) {
    boolean sorted = sub.getCommand() instanceof DynamicOptions d && d.sortedHelp();
    return help.commandHelp(sub.getCommandSpec(), entry, sorted);
  }

  private int usageError(
      String message,
      ParameterException e,
      HelpRenderer help,
      CommandLine root,
      Optional<Commands.Entry> entry) {
    console.error(message);
    console.data("Incorrect Usage.\n\n");
    CommandLine failed = e.getCommandLine();
    if (failed != root && entry.isPresent()) {
      console.data(commandHelp(help, failed, entry.get()));
    } else {
      console.data(help.appHelp(root.getCommandSpec(), Commands.ALL));
    }
    return ErrorHandler.USAGE;
  }

  private String notACommand(String verb) {
    return programName
        + ": '"
        + verb
        + "' is not a "
        + programName
        + " command. See '"
        + argv0
        + " --help'.";
  }

  private static CommandLine configure(CommandLine cl, EnvDefaults defaults) {
    cl.setDefaultValueProvider(defaults);
    cl.setInterpolateVariables(false);
    cl.setUnmatchedOptionsArePositionalParams(false);
    cl.setOverwrittenOptionsAllowed(true);
    return cl;
  }

  /**
   * docker-machine's rule, applied before parsing: a debug flag anywhere in argv, overridden by
   * MACHINE_DEBUG when that is set (so MACHINE_DEBUG=false silences -D).
   */
  public static boolean debugRequested(List<String> args, Environment env) {
    String variable = env.get("MACHINE_DEBUG");
    if (!variable.isEmpty()) {
      return Boolean.TRUE.equals(Environment.parseBool(variable));
    }
    return args.contains("-D") || args.contains("--debug") || args.contains("-debug");
  }

  /** The first argument that is not a global option or its value. */
  private static String findVerb(CommandSpec root, List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-") || arg.equals("-")) {
        return arg;
      }
      String name = GoFlags.longForm(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
      OptionSpec option = root.findOption(name);
      if (option != null && option.arity().min() > 0 && !arg.contains("=")) {
        i++;
      }
    }
    return null;
  }
}
