package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpTopic;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "help")
public final class HelpCommand implements HelpTopic {
  @Parameters List<String> args = List.of();

  public HelpCommand(CommandContext context) {}

  @Override
  public String topic() {
    return args.isEmpty() ? null : args.get(0);
  }
}
