package io.jmachine.cli;

import picocli.CommandLine.Option;

/** `--help, -h` on every verb; help screens leave it out, as docker-machine's do. */
public final class HelpMixin {
  @Option(
      names = {"--help", "-h"},
      usageHelp = true,
      description = "show help")
  boolean help;
}
