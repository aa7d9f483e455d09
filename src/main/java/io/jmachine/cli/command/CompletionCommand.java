package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.CompletionModels;
import io.jmachine.cli.UsageException;
import io.jmachine.cli.VerbCommand;
import io.jmachine.shell.completion.ShellScripts;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `completion bash|zsh|fish|prompt|wrapper`: prints a script, generated from this build's command
 * model, for users who install from the jar alone. The files in the distribution's completion/
 * folder are this command's output.
 */
public final class CompletionCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model = CommandModel.verb("completion", this);

  public CompletionCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
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
