package io.jmachine.shell.completion;

import io.jmachine.shell.completion.CompletionModel.Flag;
import io.jmachine.shell.completion.CompletionModel.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bash completion script: the command model written out as data (verbs, flags per verb, which
 * flags take what value, drivers and their flags), followed by the completion logic, which lives in
 * {@code engine.bash} next to this class.
 */
public final class BashCompletion {
  private BashCompletion() {}

  public static String render(CompletionModel model) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        # bash completion for docker-machine (jmachine)                    -*- shell-script -*-
        #
        # Generated from jmachine's command model by `docker-machine completion bash`: do not
        # edit. Install it as /usr/share/bash-completion/completions/docker-machine, or source it
        # from ~/.bashrc. Uses bash-completion when it is loaded (recommended).
        # DOCKER_MACHINE_WRAPPED=true (set by docker-machine-wrapper.bash) adds the `use` verb.

        """);
    s.append("__docker_machine_verbs=").append(quoted(model.verbNames())).append('\n');
    s.append("__docker_machine_drivers=").append(quoted(model.driverNames())).append('\n');
    s.append("__docker_machine_default_driver=")
        .append(Scripts.quote(model.defaultDriver()))
        .append('\n');
    s.append("__docker_machine_shells=").append(quoted(model.shells())).append('\n');
    s.append("__docker_machine_filter_keys=").append(quoted(model.filterKeys())).append('\n');
    s.append("__docker_machine_states=").append(quoted(model.states())).append("\n\n");

    List<Verb> verbs = new ArrayList<>(model.verbs());
    verbs.add(model.useVerb());

    s.append("# REPLY: the flags of verb $1 ('' for the global flags).\n");
    s.append("__docker_machine_flags() {\n    case $1 in\n");
    s.append("    '') REPLY=").append(quoted(Scripts.names(model.globalFlags()))).append(" ;;\n");
    for (Verb verb : verbs) {
      s.append("    ")
          .append(verb.name())
          .append(") REPLY=")
          .append(quoted(Scripts.names(verb.flags())))
          .append(" ;;\n");
    }
    s.append("    *) REPLY= ;;\n    esac\n}\n\n");

    s.append(
        "# REPLY: how the value of flag $2 of verb $1 completes: none (the flag takes no value),\n"
            + "# any, file, directory, driver, shell, filter or words:WORD...\n");
    s.append("__docker_machine_value() {\n    case $1 in\n");
    valueCase(s, "''", model.globalFlags());
    for (Verb verb : verbs) {
      valueCase(s, verb.name(), verb.flags());
    }
    s.append("    *) REPLY=none ;;\n    esac\n}\n\n");

    s.append(
        "# REPLY: what the arguments of verb $1 are: none, machine (one), machines, name (a new"
            + " one),\n# ssh, scp, mount, verb or words:WORD...\n");
    s.append("__docker_machine_args() {\n    case $1 in\n");
    for (Verb verb : verbs) {
      s.append("    ").append(verb.name()).append(") REPLY=").append(args(verb)).append(" ;;\n");
    }
    s.append("    *) REPLY=none ;;\n    esac\n}\n\n");

    s.append("# REPLY: the create flags driver $1 adds.\n");
    s.append("__docker_machine_driver_flags() {\n    case $1 in\n");
    for (CompletionModel.Driver driver : model.drivers()) {
      s.append("    ")
          .append(Scripts.quote(driver.name()))
          .append(") REPLY=")
          .append(quoted(Scripts.names(driver.flags())))
          .append(" ;;\n");
    }
    s.append("    *) REPLY= ;;\n    esac\n}\n\n");

    s.append(
        "# REPLY: how the value of flag $2 of driver $1 completes (as __docker_machine_value).\n");
    s.append("__docker_machine_driver_value() {\n    case $1 in\n");
    for (CompletionModel.Driver driver : model.drivers()) {
      valueCase(s, Scripts.quote(driver.name()), driver.flags());
    }
    s.append("    *) REPLY=none ;;\n    esac\n}\n\n");
    s.append(Scripts.resource("engine.bash"));
    return s.toString();
  }

  private static void valueCase(StringBuilder s, String label, List<Flag> flags) {
    List<String> lines = new ArrayList<>();
    for (Flag flag : flags) {
      if (flag.takesValue()) {
        lines.add(
            "        "
                + String.join(" | ", flag.names())
                + ") REPLY="
                + Scripts.quote(valueKind(flag))
                + " ;;\n");
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    s.append("    ").append(label).append(")\n        case $2 in\n");
    lines.forEach(s::append);
    s.append("        *) REPLY=none ;;\n        esac\n        ;;\n");
  }

  private static String valueKind(Flag flag) {
    return switch (flag.value()) {
      case WORDS -> "words:" + Scripts.words(flag.words());
      default -> flag.value().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String args(Verb verb) {
    return switch (verb.args()) {
      case NEW_NAME -> "name";
      case WORDS -> Scripts.quote("words:" + Scripts.words(verb.words()));
      default -> verb.args().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String quoted(List<String> words) {
    return Scripts.quote(Scripts.words(words));
  }
}
