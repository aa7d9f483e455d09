package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.UsageException;
import io.jmachine.cli.VerbCommand;
import java.util.List;
import java.util.concurrent.Callable;

/** `mount [-u] [user@]MACHINE:PATH [MOUNTPOINT]` with sshfs; unmount with fusermount -u. */
public final class MountCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "mount", this, bool("--unmount", "-u").description("Unmount instead of mount"));

  public MountCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
    if (args.isEmpty() || args.size() > 2) {
      throw new UsageException("Improper number of arguments");
    }
    return context.mount(args, model.bool("--unmount"));
  }
}
