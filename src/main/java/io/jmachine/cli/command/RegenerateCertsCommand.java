package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "regenerate-certs")
public final class RegenerateCertsCommand extends MultiMachineCommand {
  @Option(
      names = {"--force", "-f"},
      description = "Force rebuild and do not prompt")
  boolean force;

  @Option(names = "--client-certs", description = "Also regenerate client certificates and CA.")
  boolean clientCerts;

  public RegenerateCertsCommand(CommandContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    List<String> names = context.targetNames(args);
    if (!force) {
      context
          .console()
          .prompt("Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): ");
      String answer = context.console().readLine();
      String word = answer == null ? "" : answer.strip();
      if (!word.toLowerCase(Locale.ROOT).startsWith("y")) {
        return 0;
      }
    }
    context.machines().loadAll(names); // all must load before anything changes
    if (clientCerts) {
      context.console().info("Regenerating local certificates");
      context.regenerateClientCertificates();
    }
    return super.call();
  }

  @Override
  protected void act(Host host) {
    context.console().info("Regenerating TLS certificates");
    context.regenerateCertificates(host);
  }
}
