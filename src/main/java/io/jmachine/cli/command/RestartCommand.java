package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;

public final class RestartCommand extends MultiMachineCommand {
  public RestartCommand(CommandContext context) {
    super(context, "restart");
  }

  @Override
  protected void act(Host host) {
    context.powerActions().restart(host);
  }

  @Override
  protected String closingNote() {
    return "Restarted machines may have new IP addresses. You may need to re-run the `docker-machine env` command.";
  }
}
