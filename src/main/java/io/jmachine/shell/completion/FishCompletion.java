package io.jmachine.shell.completion;

import io.jmachine.shell.completion.CompletionModel.Flag;
import io.jmachine.shell.completion.CompletionModel.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fish completion script: `complete` lines for every verb and flag (with descriptions) and the
 * model's data, followed by the logic in {@code engine.fish}. docker-machine had no fish
 * completion; this one covers what the bash and zsh ones do.
 */
public final class FishCompletion {
  private FishCompletion() {}

  public static String render(CompletionModel model) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        # fish completion for docker-machine (jmachine)
        #
        # Generated from jmachine's command model by `docker-machine completion fish`: do not
        # edit. Install it as ~/.config/fish/completions/docker-machine.fish, or
        # `docker-machine completion fish | source`.
        # DOCKER_MACHINE_WRAPPED=true (set by the wrapper function) adds the `use` verb.

        """);
    s.append("set -g __docker_machine_verbs ")
        .append(Scripts.words(model.verbNames()))
        .append('\n');
    s.append("set -g __docker_machine_drivers ")
        .append(Scripts.words(model.driverNames()))
        .append('\n');
    s.append("set -g __docker_machine_default_driver ")
        .append(quote(model.defaultDriver()))
        .append('\n');
    s.append("set -g __docker_machine_shells ").append(Scripts.words(model.shells())).append('\n');
    s.append("set -g __docker_machine_filter_keys ")
        .append(Scripts.words(model.filterKeys()))
        .append('\n');
    s.append("set -g __docker_machine_states ")
        .append(Scripts.words(model.states()))
        .append("\n\n");

    List<Verb> verbs = new ArrayList<>(model.verbs());
    verbs.add(model.useVerb());

    s.append(
        "# Prints how the value of flag $argv[2] of verb $argv[1] ('' for global flags) completes;"
            + "\n# fails when the flag takes no value.\n");
    s.append("function __docker_machine_value\n    switch \"$argv[1] $argv[2]\"\n");
    valueCases(s, "", model.globalFlags());
    for (Verb verb : verbs) {
      valueCases(s, verb.name(), verb.flags());
    }
    s.append("        case '*'\n            return 1\n    end\nend\n\n");

    s.append("# The same for the flags of driver $argv[1].\n");
    s.append("function __docker_machine_driver_value\n    switch \"$argv[1] $argv[2]\"\n");
    for (CompletionModel.Driver driver : model.drivers()) {
      valueCases(s, driver.name(), driver.flags());
    }
    s.append("        case '*'\n            return 1\n    end\nend\n\n");

    s.append("# What the arguments of verb $argv[1] are.\n");
    s.append("function __docker_machine_args\n    switch $argv[1]\n");
    for (Verb verb : verbs) {
      s.append("        case ")
          .append(quote(verb.name()))
          .append("\n            echo ")
          .append(quote(args(verb)))
          .append('\n');
    }
    s.append("        case '*'\n            echo none\n    end\nend\n");
    s.append(Scripts.resource("engine.fish"));

    s.append("\n# verbs\n");
    for (Verb verb : model.verbs()) {
      s.append("complete -c docker-machine -n __docker_machine_no_verb -a ")
          .append(quote(verb.name()))
          .append(" -d ")
          .append(quote(verb.usage()))
          .append('\n');
    }
    s.append(
            "complete -c docker-machine -n '__docker_machine_no_verb; and test"
                + " \"$DOCKER_MACHINE_WRAPPED\" = true' -a use -d ")
        .append(quote(model.useVerb().usage()))
        .append('\n');

    s.append("\n# global flags\n");
    for (Flag flag : model.globalFlags()) {
      s.append(complete("__docker_machine_no_verb", flag, model)).append('\n');
    }
    for (Verb verb : verbs) {
      s.append("\n# ").append(verb.name()).append('\n');
      String condition = "__docker_machine_using " + verb.name();
      for (Flag flag : verb.flags()) {
        s.append(complete(condition, flag, model)).append('\n');
      }
    }
    for (CompletionModel.Driver driver : model.drivers()) {
      s.append("\n# create -d ").append(driver.name()).append('\n');
      String condition =
          "__docker_machine_using create; and __docker_machine_driver_is " + driver.name();
      for (Flag flag : driver.flags()) {
        s.append(complete(condition, flag, model)).append('\n');
      }
    }
    return s.toString();
  }

  private static String complete(String condition, Flag flag, CompletionModel model) {
    StringBuilder line =
        new StringBuilder("complete -c docker-machine -n ").append(quote(condition));
    for (String name : flag.names()) {
      if (name.startsWith("--")) {
        line.append(" -l ").append(name.substring(2));
      } else if (name.length() == 2) {
        line.append(" -s ").append(name.substring(1));
      } else {
        line.append(" -o ").append(name.substring(1));
      }
    }
    switch (flag.value()) {
      case NONE -> {}
      case ANY -> line.append(" -x");
      case FILE -> line.append(" -r -F");
      case DIRECTORY -> line.append(" -x -a '(__fish_complete_directories (commandline -ct))'");
      case DRIVER -> line.append(" -x -a '$__docker_machine_drivers'");
      case SHELL -> line.append(" -x -a '$__docker_machine_shells'");
      case FILTER -> line.append(" -x -a '(__docker_machine_filter_candidates)'");
      case WORDS -> line.append(" -x -a ").append(quote(Scripts.words(flag.words())));
    }
    return line.append(" -d ").append(quote(flag.description())).toString();
  }

  private static void valueCases(StringBuilder s, String verb, List<Flag> flags) {
    for (Flag flag : flags) {
      if (!flag.takesValue()) {
        continue;
      }
      s.append("        case");
      for (String name : flag.names()) {
        s.append(' ').append(quote(verb + " " + name));
      }
      s.append("\n            echo ")
          .append(flag.value().name().toLowerCase(Locale.ROOT))
          .append('\n');
    }
  }

  private static String args(Verb verb) {
    return switch (verb.args()) {
      case NEW_NAME -> "name";
      case WORDS -> "words:" + Scripts.words(verb.words());
      default -> verb.args().name().toLowerCase(Locale.ROOT);
    };
  }

  /** A string in fish single quotes. */
  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
