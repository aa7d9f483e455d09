package io.jmachine.provision;

import io.jmachine.auth.AuthOptions;
import io.jmachine.engine.EngineOptions;
import io.jmachine.swarm.SwarmOptions;
import java.util.Optional;

/**
 * The machine being provisioned, as provisioning needs it: its name, driver, address, engine port
 * and the options stored in its config.json.
 *
 * @param strategy the stored install strategy; empty means the provisioner's default
 */
public record ProvisionTarget(
    String machineName,
    String driverName,
    String ip,
    int enginePort,
    EngineOptions engine,
    SwarmOptions swarm,
    AuthOptions auth,
    Optional<InstallStrategy> strategy) {

  /** The install script's URL, docker-machine's default when none is stored. */
  public String installUrl() {
    String url = engine.installUrl();
    return url == null || url.isEmpty() || url.equals("none")
        ? EngineOptions.DEFAULT_INSTALL_URL
        : url;
  }
}
