package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.integer;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.machine.HostListItem;
import io.jmachine.machine.HostLister;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

public final class ActiveCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "active",
          this,
          integer("--timeout", "-t")
              .description("Timeout in seconds, default to 10s")
              .defaultValue("10"));

  public ActiveCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    if (!model.arguments().isEmpty()) {
      throw new MachineException("Error: Too many arguments given");
    }
    HostLister lister = context.hostLister();
    HostLister.Loaded loaded = lister.load();
    List<HostListItem> rows =
        lister.activeCandidates(loaded.hosts(), Duration.ofSeconds(model.integer("--timeout")));
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
