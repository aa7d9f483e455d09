package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CompletionModels;
import io.jmachine.cli.HelpMixin;
import io.jmachine.cli.UsageException;
import io.jmachine.shell.completion.ShellScripts;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * `completion bash|zsh|fish|prompt|wrapper`: prints a script, generated from this build's command
 * model, for users who install from the jar alone. The files in the distribution's completion/
 * folder are this command's output.
 */
@Command(name = "completion")
public final class CompletionCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;
  @Parameters List<String> args = List.of();

  public CompletionCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (args.size() != 1 || ShellScripts.find(args.get(0)).isEmpty()) {
      throw new UsageException("Error: Expected one of " + String.join(", ", ShellScripts.names()));
    }
    context
        .console()
        .data(
            ShellScripts.render(
                args.get(0), CompletionModels.of(context.drivers(), CreateCommand.DEFAULT_DRIVER)));
    return 0;
  }
}
