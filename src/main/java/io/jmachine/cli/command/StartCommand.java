package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;

public final class StartCommand extends MultiMachineCommand {
  public StartCommand(CommandContext context) {
    super(context, "start");
  }

  @Override
  protected void act(Host host) {
    context.powerActions().start(host);
  }

  @Override
  protected String closingNote() {
    return "Started machines may have new IP addresses. You may need to re-run the `docker-machine env` command.";
  }
}
