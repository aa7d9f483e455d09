package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.host.Host;
import io.jmachine.machine.ParallelActions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The shape of docker-machine's multi-machine verbs: load every named machine (or "default"), act
 * on all of them concurrently, save them again, then print a closing note if any.
 */
abstract class MultiMachineCommand implements Callable<Integer> {
  protected final CommandContext context;
  @Mixin HelpMixin help;
  @Parameters List<String> args = List.of();

  MultiMachineCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<Host> hosts = context.machines().loadAll(context.targetNames(args));
    ParallelActions.runAll(hosts, this::act);
    hosts.forEach(context.store()::save);
    String note = closingNote();
    if (!note.isEmpty()) {
      context.console().info(note);
    }
    return 0;
  }

  protected abstract void act(Host host);

  protected String closingNote() {
    return "";
  }
}
