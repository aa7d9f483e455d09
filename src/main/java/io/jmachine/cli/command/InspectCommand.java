package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.string;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.UsageException;
import io.jmachine.cli.VerbCommand;
import io.jmachine.cli.output.GoTemplate;
import io.jmachine.host.Host;
import io.jmachine.json.GoJson;
import java.util.List;
import java.util.concurrent.Callable;

public final class InspectCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "inspect",
          this,
          string("--format", "-f")
              .description("Format the output using the given go template.")
              .defaultValue(""));

  public InspectCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
    String format = model.string("--format");
    if (args.size() > 1) {
      throw new UsageException("Error: Expected one machine name as an argument");
    }
    GoTemplate template = format.isEmpty() ? null : GoTemplate.parse("", format);
    Host host = context.machines().load(context.targetName(args));
    // docker-machine shows what the plugin serializes, which may differ from what is stored
    host.driver().connect();
    String json = GoJson.indented(host.toJson());
    if (template == null) {
      context.console().data(json + "\n");
    } else {
      // Go runs the template over the JSON re-read as a generic map: keys are JSON names
      context.console().data(template.execute(reparse(json)) + "\n");
    }
    return 0;
  }

  private static Object reparse(String json) {
    try {
      return GoJson.parse(json);
    } catch (io.jmachine.json.JsonSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
