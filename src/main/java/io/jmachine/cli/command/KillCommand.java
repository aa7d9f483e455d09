package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;
import picocli.CommandLine.Command;

@Command(name = "kill")
public final class KillCommand extends MultiMachineCommand {
  public KillCommand(CommandContext context) {
    super(context);
  }

  @Override
  protected void act(Host host) {
    context.powerActions().kill(host);
  }
}
