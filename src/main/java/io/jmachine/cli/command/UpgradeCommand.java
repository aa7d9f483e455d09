package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;

public final class UpgradeCommand extends MultiMachineCommand {
  public UpgradeCommand(CommandContext context) {
    super(context, "upgrade");
  }

  @Override
  protected void act(Host host) {
    context.upgrade(host);
  }
}
