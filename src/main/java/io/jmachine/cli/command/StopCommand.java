package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;

public final class StopCommand extends MultiMachineCommand {
  public StopCommand(CommandContext context) {
    super(context, "stop");
  }

  @Override
  protected void act(Host host) {
    context.powerActions().stop(host);
  }
}
