package io.jmachine.shell;

import java.util.List;
import java.util.Map;

/** The text `docker-machine env` prints: one line per variable, then the eval hint. */
public final class EnvScript {
  private EnvScript() {}

  public static String set(Shell shell, Map<String, String> variables, List<String> invocation) {
    StringBuilder out = new StringBuilder();
    variables.forEach(
        (name, value) ->
            out.append(shell.setPrefix)
                .append(name)
                .append(shell.setDelimiter)
                .append(escape(shell, value))
                .append(shell.setSuffix));
    return out.append(hint(shell, invocation)).toString();
  }

  public static String unset(Shell shell, List<String> names, List<String> invocation) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      out.append(shell.unsetPrefix)
          .append(name)
          .append(shell.unsetDelimiter)
          .append(shell.unsetSuffix);
    }
    return out.append(hint(shell, invocation)).toString();
  }

  private static String hint(Shell shell, List<String> invocation) {
    return shell.comment
        + " Run this command to configure your shell: \n"
        + shell.comment
        + " "
        + String.format(shell.evalTemplate, commandLine(invocation))
        + "\n";
  }

  /** argv as typed, argv[0] quoted when it holds a space or backslash (docker-machine's rule). */
  static String commandLine(List<String> invocation) {
    String argv0 = invocation.get(0);
    if (argv0.contains(" ") || argv0.contains("\\")) {
      argv0 = "\"" + argv0 + "\"";
    }
    StringBuilder s = new StringBuilder(argv0);
    for (String arg : invocation.subList(1, invocation.size())) {
      s.append(' ').append(arg);
    }
    return s.toString();
  }

  /**
   * Escapes what would end or expand inside the shell's double quotes. docker-machine wrote values
   * raw, which broke eval for paths holding a quote, a dollar or a backtick.
   */
  private static String escape(Shell shell, String value) {
    return switch (shell) {
      case POSIX -> value.replaceAll("([\\\\\"$`])", "\\\\$1");
      case FISH -> value.replaceAll("([\\\\\"$])", "\\\\$1");
      case POWERSHELL -> value.replaceAll("([\"$`])", "`$1");
      case EMACS -> value.replaceAll("([\\\\\"])", "\\\\$1");
      default -> value;
    };
  }
}
