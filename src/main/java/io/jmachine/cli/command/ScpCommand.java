package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.UsageException;
import io.jmachine.cli.VerbCommand;
import java.util.List;
import java.util.concurrent.Callable;

/** `scp [-r] [-d] [-q] [[user@]MACHINE:]SRC [[user@]MACHINE:]DST` with scp, or rsync for -d. */
public final class ScpCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "scp",
          this,
          bool("--recursive", "-r")
              .description("Copy files recursively (required to copy directories)"),
          bool("--delta", "-d")
              .description(
                  "Reduce amount of data sent over network by sending only the differences (uses"
                      + " rsync)"),
          bool("--quiet", "-q")
              .description(
                  "Disables the progress meter as well as warning and diagnostic messages from"
                      + " ssh"));

  public ScpCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
    if (args.size() != 2) {
      throw new UsageException("Improper number of arguments");
    }
    return context.copy(
        args.get(0),
        args.get(1),
        model.bool("--recursive"),
        model.bool("--delta"),
        model.bool("--quiet"));
  }
}
