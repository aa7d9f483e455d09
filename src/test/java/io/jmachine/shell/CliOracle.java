package io.jmachine.shell;

import io.jmachine.cli.CliRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CLI itself says about its commands and flags (help screens, the unknown-driver error):
 * the expectations of the completion tests come from here, not from the completion generator.
 */
final class CliOracle {
  /** A flag line of a help screen: three spaces, the names, then a tab (boolean) or a value. */
  private static final Pattern FLAG_LINE =
      Pattern.compile("^   (-[A-Za-z0-9-]+(?:, -[A-Za-z0-9-]+)*)([\t ])");

  private final CliRunner cli;

  CliOracle(Path store) {
    this.cli = new CliRunner(store);
  }

  /** The verbs of `docker-machine help`'s Commands block. */
  List<String> verbs() {
    String help = cli.run("help").out();
    List<String> verbs = new ArrayList<>();
    boolean inCommands = false;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.isBlank()) {
        break;
      } else if (inCommands) {
        verbs.add(line.strip().split("\\s+")[0]);
      }
    }
    return verbs;
  }

  /** The drivers the unknown-driver error lists. */
  List<String> drivers() {
    String err = cli.run("create", "-d", "no-such-driver", "x").err();
    Matcher m = Pattern.compile("Available drivers: (.*)").matcher(err);
    if (!m.find()) {
      throw new AssertionError("no driver list in: " + err);
    }
    return Arrays.stream(m.group(1).strip().split(", ")).toList();
  }

  /** A flag as help shows it. */
  record HelpFlag(String name, boolean takesValue) {}

  /** The flags of `create -d DRIVER --help`, with --help and -h, which help leaves out. */
  List<HelpFlag> createFlags(String driver) {
    List<HelpFlag> flags = flags(cli.run("create", "-d", driver, "--help").out());
    flags.add(new HelpFlag("--help", false));
    flags.add(new HelpFlag("-h", false));
    return flags;
  }

  private static List<HelpFlag> flags(String help) {
    List<HelpFlag> flags = new ArrayList<>();
    for (String line : help.lines().toList()) {
      Matcher m = FLAG_LINE.matcher(line);
      if (m.find()) {
        for (String name : m.group(1).split(", ")) {
          flags.add(new HelpFlag(name, m.group(2).equals(" ")));
        }
      }
    }
    return flags;
  }
}
