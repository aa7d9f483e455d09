package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;
import java.util.List;
import java.util.Locale;

public final class RegenerateCertsCommand extends MultiMachineCommand {
  public RegenerateCertsCommand(CommandContext context) {
    super(
        context,
        "regenerate-certs",
        bool("--force", "-f").description("Force rebuild and do not prompt"),
        bool("--client-certs").description("Also regenerate client certificates and CA."));
  }

  @Override
  public Integer call() {
    List<String> names = context.targetNames(model.arguments());
    if (!model.bool("--force")) {
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
    if (model.bool("--client-certs")) {
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
