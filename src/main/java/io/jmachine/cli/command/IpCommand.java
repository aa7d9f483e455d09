package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.machine.ParallelActions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints IPs in argument order (docker-machine printed them in completion order). */
@Command(name = "ip")
public final class IpCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;
  @Parameters List<String> args = List.of();

  public IpCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<Host> hosts = context.machines().loadAll(context.targetNames(args));
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
