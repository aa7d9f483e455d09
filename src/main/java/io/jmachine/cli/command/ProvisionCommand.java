package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;
import picocli.CommandLine.Command;

@Command(name = "provision")
public final class ProvisionCommand extends MultiMachineCommand {
  public ProvisionCommand(CommandContext context) {
    super(context);
  }

  @Override
  protected void act(Host host) {
    context.provision(host);
  }
}
