package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;

public final class KillCommand extends MultiMachineCommand {
  public KillCommand(CommandContext context) {
    super(context, "kill");
  }

  @Override
  protected void act(Host host) {
    context.powerActions().kill(host);
  }
}
