package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.HelpTopic;
import io.jmachine.cli.VerbCommand;
import java.util.List;

public final class HelpCommand implements HelpTopic, VerbCommand {
  private final CommandModel model = CommandModel.withoutHelpFlag("help", this);

  public HelpCommand(CommandContext context) {}

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public String topic() {
    List<String> args = model.arguments();
    return args.isEmpty() ? null : args.get(0);
  }
}
