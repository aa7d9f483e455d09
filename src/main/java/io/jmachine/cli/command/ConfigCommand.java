package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.HelpMixin;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config")
public final class ConfigCommand implements Callable<Integer> {
  private final CommandContext context;
  @Mixin HelpMixin help;

  @Option(names = "--swarm", description = "Display the Swarm config instead of the Docker daemon")
  boolean swarm;

  @Parameters List<String> args = List.of();

  public ConfigCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.console().infoToStderr();
    // docker-machine ignores names after the first here
    String name = context.targetNames(args).get(0);
    Host host = context.machines().load(name);
    String url;
    try {
      url = context.connectionCheck().check(host, swarm);
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
    return io.jmachine.machine.GoQuote.quote(p.toString());
  }
}
