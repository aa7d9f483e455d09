package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.UsageException;
import io.jmachine.cli.VerbCommand;
import io.jmachine.error.MachineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

public final class RmCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "rm",
          this,
          bool("--force", "-f")
              .description(
                  "Remove local configuration even if machine cannot be removed, also implies an"
                      + " automatic yes (`-y`)"),
          bool("-y")
              .description(
                  "Assumes automatic yes to proceed with remove, without prompting further user"
                      + " confirmation"));

  public RmCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
    boolean force = model.bool("--force");
    if (args.isEmpty()) {
      throw new UsageException("Error: Expected to get one or more machine names as arguments");
    }
    // docker-machine announces the removal whether or not it is about to ask
    context.console().info("About to remove " + String.join(", ", args));
    context
        .console()
        .info("WARNING: This action will delete both local reference and remote instance.");
    if (!model.bool("-y") && !force && !confirmed()) {
      return 0;
    }
    List<String> errors = new ArrayList<>();
    for (String name : args) {
      boolean removedRemotely = false;
      try {
        context.machines().load(name).driver().remove();
        removedRemotely = true;
      } catch (MachineException e) {
        report("Error removing host \"" + name + "\": " + e.getMessage(), force, errors);
      }
      if (removedRemotely || force) {
        removeLocally(name, force, errors);
      }
    }
    if (!errors.isEmpty() && !force) {
      throw new MachineException(String.join("\n", errors));
    }
    return 0;
  }

  private void removeLocally(String name, boolean force, List<String> errors) {
    try {
      context.store().remove(name);
      context.console().info("Successfully removed " + name);
    } catch (MachineException e) {
      report("Can't remove \"" + name + "\"", force, errors);
    }
  }

  /** With --force each error is shown at once and the command still succeeds. */
  private void report(String message, boolean force, List<String> errors) {
    if (force) {
      context.console().error(message);
    }
    errors.add(message);
  }

  private boolean confirmed() {
    context.console().prompt("Are you sure? (y/n): ");
    try {
      return context.console().confirm();
    } catch (MachineException unreadable) {
      return false; // docker-machine takes an answer it cannot read as no
    }
  }
}
