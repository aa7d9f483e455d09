package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `ssh [NAME] [COMMAND...]`: everything after the name is the remote command, verbatim. The remote
 * exit status becomes ours (docker-machine exited 1 for any failure).
 */
public final class SshCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model = CommandModel.verb("ssh", this);

  public SshCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
    String name = context.targetNames(args.isEmpty() ? List.of() : args.subList(0, 1)).get(0);
    Host host = context.machines().load(name);
    context.requireSsh(host);
    if (host.driver().getState() != MachineState.RUNNING) {
      throw new MachineException(
          "Error: Cannot run SSH command: Host \"" + name + "\" is not running");
    }
    return context.ssh(host, args.size() > 1 ? args.subList(1, args.size()) : List.of());
  }
}
