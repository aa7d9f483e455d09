package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import java.util.concurrent.Callable;

public final class UrlCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model = CommandModel.verb("url", this);

  public UrlCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    String url = context.machines().load(context.targetName(model.arguments())).driver().getUrl();
    context.console().data(url + "\n");
    return 0;
  }
}
