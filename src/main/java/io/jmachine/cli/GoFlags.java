package io.jmachine.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Go flag-package conventions picocli does not share: long flags with one dash (`-quiet`,
 * `-timeout=5`), `ssh` taking everything after the verb verbatim, and Go's error wording.
 */
final class GoFlags {
  private GoFlags() {}

  static List<String> normalize(List<String> args, CommandSpec root, CommandLine sub, String verb) {
    List<String> out = new ArrayList<>(args.size() + 1);
    CommandSpec spec = root;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (sub != null && spec == root && arg.equals(verb)) {
        out.add(arg);
        spec = sub.getCommandSpec();
        if (verb.equals("ssh")) {
          passVerbatim(args.subList(i + 1, args.size()), out);
          return out;
        }
        continue;
      }
      if (arg.equals("--")) {
        out.addAll(args.subList(i, args.size()));
        return out;
      }
      out.add(oneDashLong(arg, spec));
    }
    return out;
  }

  /** ssh: only a leading help flag is a flag; the rest is the machine and remote command. */
  private static void passVerbatim(List<String> rest, List<String> out) {
    if (!rest.isEmpty() && List.of("-h", "--help", "-help").contains(rest.get(0))) {
      out.add("--help");
      return;
    }
    out.add("--");
    out.addAll(rest);
  }

  private static String oneDashLong(String arg, CommandSpec spec) {
    if (arg.length() < 3 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
      return arg;
    }
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    if (spec.findOption(name) == null && spec.findOption("-" + name) != null) {
      return "-" + arg;
    }
    return arg;
  }

  static String longForm(String flag) {
    return flag.startsWith("--") || flag.length() <= 2 ? flag : "-" + flag;
  }

  /**
   * Go's flag-package wording for a bad command line. Go names a flag as it was typed (`-t`, not
   * `-timeout`), so the option is looked up in {@code args}, the arguments that were parsed.
   */
  static String message(ParameterException e, List<String> args) {
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()
        && unmatched.getUnmatched().get(0).startsWith("-")) {
      return "flag provided but not defined: -" + stripDashes(unmatched.getUnmatched().get(0));
    }
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      String name = missing.getMissing().get(0).paramLabel();
      if (missing.getMissing().get(0) instanceof OptionSpec option) {
        name = typedName(option, null, args);
      }
      return "flag needs an argument: -" + stripDashes(name);
    }
    if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null) {
      String name = stripDashes(typedName(option, e.getValue(), args));
      if (option.type() == boolean.class) {
        return "invalid boolean value \"" + e.getValue() + "\" for -" + name + ": parse error";
      }
      // Go's ParseInt tells a number too big for an int from text that is no number
      String reason = e.getValue().matches("[+-]?[0-9]+") ? "value out of range" : "parse error";
      return "invalid value \"" + e.getValue() + "\" for flag -" + name + ": " + reason;
    }
    return e.getMessage();
  }

  /** The name the failing option was given by: the last use, or the one carrying {@code value}. */
  private static String typedName(OptionSpec option, String value, List<String> args) {
    String typed = option.longestName();
    for (int i = 0; i < args.size(); i++) {
      for (String name : option.names()) {
        String arg = args.get(i);
        boolean separate =
            arg.equals(name)
                && (value == null || i + 1 < args.size() && args.get(i + 1).equals(value));
        if (separate || value != null && arg.equals(name + "=" + value)) {
          typed = name;
        }
      }
    }
    return typed;
  }

  private static String stripDashes(String flag) {
    String name = flag.replaceFirst("^-+", "");
    int eq = name.indexOf('=');
    return eq < 0 ? name : name.substring(0, eq);
  }
}
