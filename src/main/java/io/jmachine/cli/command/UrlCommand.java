package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "url")
public final class UrlCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;
  @Parameters List<String> args = List.of();

  public UrlCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String url = context.machines().load(context.targetName(args)).driver().getUrl();
    context.console().data(url + "\n");
    return 0;
  }
}
