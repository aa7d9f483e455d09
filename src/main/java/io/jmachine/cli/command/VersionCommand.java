package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "version")
public final class VersionCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;
  @Parameters List<String> args = List.of();

  public VersionCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
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
