package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.nio.file.Path;
import java.util.concurrent.Callable;

public final class ConfigCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "config",
          this,
          bool("--swarm").description("Display the Swarm config instead of the Docker daemon"));

  public ConfigCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    context.console().infoToStderr();
    // docker-machine ignores names after the first here
    String name = context.targetNames(model.arguments()).get(0);
    Host host = context.machines().load(name);
    String url;
    try {
      url = context.connectionCheck().check(host, model.bool("--swarm"));
    } catch (MachineException e) {
      throw new MachineException("Error running connection boilerplate: " + e.getMessage(), e);
    }
    Path dir = context.store().machineDir(host.name());
    context
        .console()
        .data(
            "--tlsverify\n"
                + "--tlscacert="
                + quote(dir.resolve("ca.pem"))
                + "\n--tlscert="
                + quote(dir.resolve("cert.pem"))
                + "\n--tlskey="
                + quote(dir.resolve("key.pem"))
                + "\n-H="
                + url
                + "\n");
    return 0;
  }

  private static String quote(Path p) {
    return io.jmachine.error.GoQuote.quote(p.toString());
  }
}
