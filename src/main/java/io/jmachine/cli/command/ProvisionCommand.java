package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;

public final class ProvisionCommand extends MultiMachineCommand {
  public ProvisionCommand(CommandContext context) {
    super(context, "provision");
  }

  @Override
  protected void act(Host host) {
    context.provision(host);
  }
}
