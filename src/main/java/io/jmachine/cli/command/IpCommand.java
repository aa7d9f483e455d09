package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.machine.ParallelActions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/** Prints IPs in argument order (docker-machine printed them in completion order). */
public final class IpCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model = CommandModel.verb("ip", this);

  public IpCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<Host> hosts = context.machines().loadAll(context.targetNames(model.arguments()));
    Map<Host, String> ips = new ConcurrentHashMap<>();
    try {
      ParallelActions.runAll(
          hosts,
          host -> {
            try {
              ips.put(host, host.driver().getIp());
            } catch (MachineException e) {
              throw new MachineException("Error getting IP address: " + e.getMessage(), e);
            }
          });
    } finally {
      StringBuilder out = new StringBuilder();
      for (Host host : hosts) {
        if (ips.containsKey(host)) {
          out.append(ips.get(host)).append('\n');
        }
      }
      context.console().data(out.toString());
    }
    return 0;
  }
}
