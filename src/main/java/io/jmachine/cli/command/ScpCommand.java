package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.cli.UsageException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `scp [-r] [-d] [-q] [[user@]MACHINE:]SRC [[user@]MACHINE:]DST` with scp, or rsync for -d. */
@Command(name = "scp")
public final class ScpCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;

  @Option(
      names = {"--recursive", "-r"},
      description = "Copy files recursively (required to copy directories)")
  boolean recursive;

  @Option(
      names = {"--delta", "-d"},
      description =
          "Reduce amount of data sent over network by sending only the differences (uses rsync)")
  boolean delta;

  @Option(
      names = {"--quiet", "-q"},
      description =
          "Disables the progress meter as well as warning and diagnostic messages from ssh")
  boolean quiet;

  @Parameters List<String> args = List.of();

  public ScpCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (args.size() != 2) {
      throw new UsageException("Improper number of arguments");
    }
    return context.copy(args.get(0), args.get(1), recursive, delta, quiet);
  }
}
