package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.List;
import java.util.concurrent.Callable;

public final class VersionCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model = CommandModel.verb("version", this);

  public VersionCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
    if (args.isEmpty()) {
      context.console().data(context.programName() + " version " + context.versionText() + "\n");
      return 0;
    }
    if (args.size() > 1) {
      throw new MachineException("Error: Expected one machine name as an argument");
    }
    Host host = context.machines().load(args.get(0));
    String version;
    try {
      version =
          context.engineClient().version(host.driver().getUrl(), host.options().authOptions());
    } catch (MachineException e) {
      throw new MachineException("Unable to query docker version: " + e.getMessage(), e);
    }
    context.console().data(version + "\n");
    return 0;
  }
}
