package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;

import io.jmachine.cli.CommandContext;
import io.jmachine.host.Host;

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
    if (!model.bool("--force")) {
      context
          .console()
          .prompt("Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): ");
      if (!context.console().confirm()) {
        return 0;
      }
    }
    // once, before the machines are even loaded, as docker-machine prints it
    context.console().info("Regenerating TLS certificates");
    context.machines().loadAll(context.targetNames(model.arguments())); // all load before changes
    if (model.bool("--client-certs")) {
      context.console().info("Regenerating local certificates");
      context.regenerateClientCertificates();
    }
    return super.call();
  }

  @Override
  protected void act(Host host) {
    context.regenerateCertificates(host);
  }
}
