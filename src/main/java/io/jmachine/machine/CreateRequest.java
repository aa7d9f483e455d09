package io.jmachine.machine;

import io.jmachine.driver.DriverOptions;
import io.jmachine.engine.EngineOptions;
import io.jmachine.swarm.SwarmOptions;
import java.nio.file.Path;
import java.util.List;

/** Everything `create` was told: the machine, its driver's flags and the shared flags. */
public record CreateRequest(
    String name,
    String driverName,
    DriverOptions driverOptions,
    EngineOptions engineOptions,
    SwarmOptions swarmOptions,
    List<String> tlsSans,
    TlsPaths tls) {

  /** The CA and client files new machines point at (the --tls-* globals). */
  public record TlsPaths(Path caCert, Path caKey, Path clientCert, Path clientKey) {}
}
