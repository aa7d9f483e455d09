package io.jmachine.cli;

import io.jmachine.cli.output.TabWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help screens in docker-machine's (codegangsta/cli) layout. Completion scripts harvest flags from
 * them (`create --help` lines starting with three spaces and a dash), so the shape is an interface,
 * not decoration.
 */
final class HelpRenderer {
  private final String programName;
  private final String argv0;
  private final EnvDefaults defaults;

  HelpRenderer(String programName, String argv0, EnvDefaults defaults) {
    this.programName = programName;
    this.argv0 = argv0;
    this.defaults = defaults;
  }

  String appHelp(CommandSpec root, List<Commands.Entry> commands) {
    StringBuilder s = new StringBuilder();
    s.append("Usage: ").append(programName).append(" [OPTIONS] COMMAND [arg...]\n\n");
    s.append("Create and manage machines running Docker.\n\n");
    s.append("Version: ").append(Version.TEXT).append("\n\n");
    s.append("Author:\n  Docker Machine Contributors - <https://github.com/docker/machine>\n\n");
    s.append("Options:\n  ");
    for (OptionSpec option : root.options()) {
      s.append(flagText(option)).append("\n  ");
    }
    s.append("\nCommands:\n  ");
    for (Commands.Entry command : commands) {
      s.append(command.name()).append('\t').append(command.usage()).append("\n  ");
    }
    s.append("\nRun '")
        .append(programName)
        .append(" COMMAND --help' for more information on a command.\n");
    return TabWriter.forHelp().format(s.toString());
  }

  String commandHelp(CommandSpec spec, Commands.Entry entry, boolean sortFlags) {
    List<OptionSpec> options = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (!option.usageHelp() && !option.versionHelp() && !option.hidden()) {
        options.add(option);
      }
    }
    if (sortFlags) {
      options.sort(Comparator.comparing(OptionSpec::longestName));
    }
    StringBuilder s = new StringBuilder();
    // docker-machine's command help template spells the program name out, whatever argv[0] is
    s.append("Usage: docker-machine ").append(entry.name());
    s.append(options.isEmpty() ? "" : " [OPTIONS]").append(" [arg...]\n\n");
    s.append(entry.usage());
    if (!entry.description().isEmpty()) {
      s.append("\n\nDescription:\n   ").append(entry.description(argv0));
    }
    if (!options.isEmpty()) {
      s.append("\n\nOptions:\n   ");
      for (OptionSpec option : options) {
        s.append("\n   ").append(flagText(option));
      }
    }
    s.append('\n');
    return TabWriter.forHelp().format(s.toString());
  }

  /** One flag the way codegangsta's Flag.String() prints it. */
  private String flagText(OptionSpec option) {
    String names = String.join(", ", option.names());
    String usage = String.join(" ", option.description());
    String text;
    if (option.isMultiValue()) {
      String first = option.names()[0];
      text = names + " [" + first + " option " + first + " option]\t" + usage;
    } else if (option.type() == boolean.class || option.type() == Boolean.class) {
      text = names + "\t" + usage;
    } else if (option.type() == int.class || option.type() == Integer.class) {
      text = names + " \"" + defaults.shownDefault(option) + "\"\t" + usage;
    } else {
      String shown = defaults.shownDefault(option);
      text = names + " " + (shown.isEmpty() ? "" : "\"" + shown + "\"") + "\t" + usage;
    }
    String variable = EnvDefaults.variable(option);
    return variable.isEmpty() ? text : text + " [$" + variable + "]";
  }
}
