package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "status")
public final class StatusCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;
  @Parameters List<String> args = List.of();

  public StatusCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Host host = context.machines().load(context.targetName(args));
    try {
      context.console().data(host.driver().getState().label() + "\n");
    } catch (MachineException e) {
      throw new MachineException(
          "error getting state for host " + host.name() + ": " + e.getMessage(), e);
    }
    return 0;
  }
}
