package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;
import picocli.CommandLine.Command;

@Command(name = "upgrade")
public final class UpgradeCommand extends MultiMachineCommand {
  public UpgradeCommand(CommandContext context) {
    super(context);
  }

  @Override
  protected void act(Host host) {
    context.upgrade(host);
  }
}
