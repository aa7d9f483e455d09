package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.host.Host;
import io.jmachine.machine.ParallelActions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The shape of docker-machine's multi-machine verbs: load every named machine (or "default"), act
 * on all of them concurrently, save them again, then print a closing note if any.
 */
abstract class MultiMachineCommand implements Callable<Integer>, VerbCommand {
  protected final CommandContext context;
  protected final CommandModel model;

  MultiMachineCommand(CommandContext context, String name, OptionSpec.Builder... flags) {
    this.context = context;
    this.model = CommandModel.verb(name, this, flags);
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<Host> hosts = context.machines().loadAll(context.targetNames(model.arguments()));
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
