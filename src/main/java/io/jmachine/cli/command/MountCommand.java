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

/** `mount [-u] [user@]MACHINE:PATH [MOUNTPOINT]` with sshfs; unmount with fusermount -u. */
@Command(name = "mount")
public final class MountCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;

  @Option(
      names = {"--unmount", "-u"},
      description = "Unmount instead of mount")
  boolean unmount;

  @Parameters List<String> args = List.of();

  public MountCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (args.isEmpty() || args.size() > 2) {
      throw new UsageException("Improper number of arguments");
    }
    return context.mount(args, unmount);
  }
}
