package io.jmachine.shell.completion;

import io.jmachine.shell.completion.CompletionModel.Flag;
import java.util.ArrayList;
import java.util.List;

/**
 * The `use` wrappers (bash and zsh; fish): scripts whose only generated parts are the global flags
 * that take a value (skipped to find the verb) and the help of `use`.
 */
public final class WrapperScript {
  private WrapperScript() {}

  public static String bash(CompletionModel model) {
    return Scripts.resource("docker-machine-wrapper.bash")
        .replace("@GLOBAL_VALUE_FLAGS@", String.join(" | ", valueFlags(model)))
        .replace("@USE_HELP@", useHelp(model).stripTrailing() + "\n");
  }

  public static String fish(CompletionModel model) {
    List<String> lines = new ArrayList<>();
    for (String line : (useHelp(model).stripTrailing() + "\n").split("\n", -1)) {
      lines.add("'" + line.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }
    return Scripts.resource("docker-machine-wrapper.fish")
        .replace("@GLOBAL_VALUE_FLAGS@", String.join(" ", valueFlags(model)))
        .replace("@USE_HELP_LINES@", String.join(" ", lines));
  }

  /** Every spelling of the global flags that take a value, Go's single-dash long ones included. */
  private static List<String> valueFlags(CompletionModel model) {
    List<String> names = new ArrayList<>();
    for (Flag flag : model.globalFlags()) {
      if (flag.takesValue()) {
        for (String name : flag.names()) {
          names.add(name);
          if (name.startsWith("--")) {
            names.add(name.substring(1));
          }
        }
      }
    }
    return names;
  }

  /** `use --help`, in docker-machine's help layout (it was fixed text in its wrapper). */
  static String useHelp(CompletionModel model) {
    CompletionModel.Verb use = model.useVerb();
    StringBuilder s = new StringBuilder();
    s.append("Usage: docker-machine use [OPTIONS] [arg...]\n\n");
    s.append(use.usage()).append("\n\n");
    s.append("Description:\n   Argument is a machine name.\n\nOptions:\n\n");
    for (Flag flag : use.flags()) {
      if (!flag.names().contains("--help")) {
        s.append("   ")
            .append(String.join(", ", flag.names()))
            .append('\t')
            .append(flag.description())
            .append('\n');
      }
    }
    return s.append('\n').toString();
  }
}
