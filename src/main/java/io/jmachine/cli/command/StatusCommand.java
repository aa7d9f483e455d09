package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.concurrent.Callable;

public final class StatusCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model = CommandModel.verb("status", this);

  public StatusCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    Host host = context.machines().load(context.targetName(model.arguments()));
    try {
      context.console().data(host.driver().getState().label() + "\n");
    } catch (MachineException e) {
      throw new MachineException(
          "error getting state for host " + host.name() + ": " + e.getMessage(), e);
    }
    return 0;
  }
}
