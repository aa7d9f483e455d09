package io.jmachine.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
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

  /** Go's flag-package wording for a bad command line. */
  static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()
        && unmatched.getUnmatched().get(0).startsWith("-")) {
      return "flag provided but not defined: -" + stripDashes(unmatched.getUnmatched().get(0));
    }
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      String name = missing.getMissing().get(0).paramLabel();
      if (missing.getMissing().get(0).isOption()) {
        name = ((CommandLine.Model.OptionSpec) missing.getMissing().get(0)).longestName();
      }
      return "flag needs an argument: -" + stripDashes(name);
    }
    if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option && e.getValue() != null) {
      return "invalid value \""
          + e.getValue()
          + "\" for flag -"
          + stripDashes(option.longestName())
          + ": parse error";
    }
    return e.getMessage();
  }

  private static String stripDashes(String flag) {
    String name = flag.replaceFirst("^-+", "");
    int eq = name.indexOf('=');
    return eq < 0 ? name : name.substring(0, eq);
  }
}
