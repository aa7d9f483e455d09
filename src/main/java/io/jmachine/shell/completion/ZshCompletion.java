package io.jmachine.shell.completion;

import io.jmachine.shell.completion.CompletionModel.Flag;
import io.jmachine.shell.completion.CompletionModel.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * The zsh completion function (`_docker-machine`): the command model written as `_arguments` specs
 * with the flags' descriptions, followed by the logic in {@code engine.zsh}.
 */
public final class ZshCompletion {
  private ZshCompletion() {}

  public static String render(CompletionModel model) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        #compdef docker-machine docker-machine.exe
        # zsh completion for docker-machine (jmachine)
        #
        # Generated from jmachine's command model by `docker-machine completion zsh`: do not
        # edit. Install it as a file named _docker-machine in a directory of $fpath (before
        # compinit runs), or `source <(docker-machine completion zsh)` after compinit.
        # DOCKER_MACHINE_WRAPPED=true (set by docker-machine-wrapper.bash) adds the `use` verb.

        """);
    s.append("__docker_machine_drivers=(").append(Scripts.words(model.driverNames())).append(")\n");
    s.append("__docker_machine_default_driver=")
        .append(Scripts.quote(model.defaultDriver()))
        .append('\n');
    s.append("__docker_machine_filter_keys=(")
        .append(Scripts.words(model.filterKeys()))
        .append(")\n");
    s.append("__docker_machine_states=(").append(Scripts.words(model.states())).append(")\n");
    s.append("__docker_machine_global_value_flags=(")
        .append(
            Scripts.words(
                Scripts.names(model.globalFlags().stream().filter(Flag::takesValue).toList())))
        .append(")\n");
    s.append("__docker_machine_verb_descriptions=(\n");
    for (Verb verb : model.verbs()) {
      s.append("    ").append(Scripts.quote(verb.name() + ":" + verb.usage())).append('\n');
    }
    s.append(")\n");
    s.append("__docker_machine_use_description=")
        .append(Scripts.quote(model.useVerb().usage()))
        .append("\n\n");

    s.append("__docker_machine_global_specs=(\n");
    specs(s, model, model.globalFlags());
    s.append(")\n\n");

    List<Verb> verbs = new ArrayList<>(model.verbs());
    verbs.add(model.useVerb());
    for (Verb verb : verbs) {
      if (verb.name().equals("create")) {
        s.append("__docker_machine_create_specs=(\n");
        specs(s, model, verb.flags());
        s.append(")\n\n");
        continue;
      }
      s.append("__docker-machine_verb_").append(verb.name()).append("() {\n");
      s.append("    _arguments -S \\\n");
      List<String> specs = new ArrayList<>();
      for (Flag flag : verb.flags()) {
        specs.addAll(flagSpecs(model, flag));
      }
      specs.addAll(argSpecs(verb));
      for (int i = 0; i < specs.size(); i++) {
        s.append("        ").append(specs.get(i)).append(i + 1 < specs.size() ? " \\\n" : "\n");
      }
      s.append("}\n\n");
    }

    s.append("# reply: the _arguments specs of the create flags driver $1 adds.\n");
    s.append("__docker-machine_driver_specs() {\n    case $1 in\n");
    for (CompletionModel.Driver driver : model.drivers()) {
      s.append("    (").append(Scripts.quote(driver.name())).append(")\n        reply=(\n");
      for (Flag flag : driver.flags()) {
        for (String spec : flagSpecs(model, flag)) {
          s.append("            ").append(spec).append('\n');
        }
      }
      s.append("        )\n        ;;\n");
    }
    s.append("    (*) reply=() ;;\n    esac\n}\n\n");
    s.append(Scripts.resource("engine.zsh"));
    return s.toString();
  }

  private static void specs(StringBuilder s, CompletionModel model, List<Flag> flags) {
    for (Flag flag : flags) {
      for (String spec : flagSpecs(model, flag)) {
        s.append("    ").append(spec).append('\n');
      }
    }
  }

  /** One `_arguments` spec per name of the flag. */
  static List<String> flagSpecs(CompletionModel model, Flag flag) {
    List<String> specs = new ArrayList<>();
    boolean help = flag.names().contains("--help") || flag.names().contains("--version");
    String exclusion =
        help ? "(- *)" : flag.repeatable() ? "*" : "(" + String.join(" ", flag.names()) + ")";
    for (String name : flag.names()) {
      StringBuilder spec = new StringBuilder(exclusion).append(name);
      if (flag.takesValue() && name.startsWith("--")) {
        spec.append('=');
      }
      spec.append('[').append(escape(flag.description())).append(']');
      if (flag.takesValue()) {
        spec.append(action(model, flag));
      }
      specs.add(Scripts.quote(spec.toString()));
    }
    return specs;
  }

  private static String action(CompletionModel model, Flag flag) {
    return switch (flag.value()) {
      case NONE, ANY -> ":value: ";
      case FILE -> ":file:_files";
      case DIRECTORY -> ":directory:_directories";
      case DRIVER -> ":driver:__docker-machine_drivers";
      case SHELL -> ":shell:(" + Scripts.words(model.shells()) + ")";
      case FILTER -> ":filter:__docker-machine_filter";
      case WORDS -> ":value:(" + Scripts.words(flag.words()) + ")";
    };
  }

  private static List<String> argSpecs(Verb verb) {
    return switch (verb.args()) {
      case NONE -> List.of();
      case MACHINE -> List.of("'1:machine:__docker-machine_machines'");
      case MACHINES -> List.of("'*:machine:__docker-machine_machines'");
      case NEW_NAME -> List.of("'1:machine name: '");
      case SSH -> List.of("'1:machine:__docker-machine_machines'", "'*::remote command: '");
      case SCP ->
          List.of(
              "'1:source:__docker-machine_scp_arg'", "'2:destination:__docker-machine_scp_arg'");
      case MOUNT ->
          List.of(
              "'1:machine\\:path:__docker-machine_remote_machines'",
              "'2:mount point:_directories'");
      case VERB -> List.of("'1:command:__docker-machine_verbs'");
      case WORDS -> List.of(Scripts.quote("1:script:(" + Scripts.words(verb.words()) + ")"));
    };
  }

  /** A description inside `[...]` of a spec. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
  }
}
