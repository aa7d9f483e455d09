package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;
import picocli.CommandLine.Command;

@Command(name = "stop")
public final class StopCommand extends MultiMachineCommand {
  public StopCommand(CommandContext context) {
    super(context);
  }

  @Override
  protected void act(Host host) {
    context.powerActions().stop(host);
  }
}
