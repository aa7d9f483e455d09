package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.machine.HostListItem;
import io.jmachine.machine.HostLister;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "active")
public final class ActiveCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;

  @Option(
      names = {"--timeout", "-t"},
      description = "Timeout in seconds, default to 10s",
      defaultValue = "10")
  int timeout;

  @Parameters List<String> args = List.of();

  public ActiveCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!args.isEmpty()) {
      throw new MachineException("Error: Too many arguments given");
    }
    HostLister lister = context.hostLister();
    HostLister.Loaded loaded = lister.load();
    List<HostListItem> rows = lister.rows(loaded.hosts(), List.of(), Duration.ofSeconds(timeout));
    for (HostListItem row : rows) {
      if (row.activeHost() || row.activeSwarm()) {
        context.console().data(row.name() + "\n");
        return 0;
      }
    }
    boolean timedOut = rows.stream().anyMatch(r -> r.state().equals(MachineState.TIMEOUT.label()));
    throw new MachineException(
        timedOut ? "Error getting active host: timeout" : "No active host found");
  }
}
