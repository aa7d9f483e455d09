package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.UsageException;
import io.jmachine.cli.VerbCommand;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    if (!model.bool("-y") && !force && !confirmed()) {
      return 0;
    }
    List<String> errors = new ArrayList<>();
    for (String name : args) {
      try {
        remove(name);
        context.console().info("Successfully removed " + name);
      } catch (MachineException e) {
        String message = "Error removing host \"" + name + "\": " + e.getMessage();
        if (!force) {
          errors.add(message);
          continue;
        }
        context.console().error(message);
        if (context.store().exists(name)) {
          context.store().remove(name);
          context.console().info("Successfully removed " + name);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new MachineException(String.join("\n", errors));
    }
    return 0;
  }

  private void remove(String name) {
    Host host = context.machines().load(name);
    host.driver().remove();
    context.store().remove(name);
  }

  private boolean confirmed() {
    context.console().info("About to remove " + String.join(", ", model.arguments()));
    context
        .console()
        .info("WARNING: This action will delete both local reference and remote instance.");
    context.console().prompt("Are you sure? (y/n): ");
    String answer = context.console().readLine();
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
