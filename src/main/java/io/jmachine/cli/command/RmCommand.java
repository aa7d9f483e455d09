package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.cli.UsageException;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rm")
public final class RmCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;

  @Option(
      names = {"--force", "-f"},
      description =
          "Remove local configuration even if machine cannot be removed, also implies an"
              + " automatic yes (`-y`)")
  boolean force;

  @Option(
      names = "-y",
      description =
          "Assumes automatic yes to proceed with remove, without prompting further user"
              + " confirmation")
  boolean yes;

  @Parameters List<String> args = List.of();

  public RmCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (args.isEmpty()) {
      throw new UsageException("Error: Expected to get one or more machine names as arguments");
    }
    if (!yes && !force && !confirmed()) {
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
    context.console().info("About to remove " + String.join(", ", args));
    context
        .console()
        .info("WARNING: This action will delete both local reference and remote instance.");
    context.console().prompt("Are you sure? (y/n): ");
    String answer = context.console().readLine();
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
