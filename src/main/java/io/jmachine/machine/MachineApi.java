package io.jmachine.machine;

import io.jmachine.auth.AuthOptions;
import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.engine.EngineOptions;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.host.HostOptions;
import io.jmachine.provision.EngineConfig;
import io.jmachine.provision.InstallStrategy;
import io.jmachine.store.FileMachineStore;
import io.jmachine.store.MachineNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Creating, loading and removing machines: libmachine's API, without the CLI. */
public final class MachineApi {
  private static final Pattern SWARM_DISCOVERY = Pattern.compile("[^:]*://.*");

  /** How long a create stopped by a signal may take to wind up its driver's work and save it. */
  private static final Duration SAVE_GRACE = Duration.ofSeconds(30);

  private final FileMachineStore store;
  private final DriverRegistry drivers;
  private final CertificateBootstrapper certificates;
  private final Consumer<String> info;

  public MachineApi(
      FileMachineStore store,
      DriverRegistry drivers,
      CertificateBootstrapper certificates,
      Consumer<String> info) {
    this.store = store;
    this.drivers = drivers;
    this.certificates = certificates;
    this.info = info;
  }

  /**
   * Runs docker-machine's create steps up to the driver's own creation. Any failure before the
   * driver starts leaves the store as it was; a failure in the driver keeps the machine (in the
   * state the driver left it) so that `rm` or a retry can deal with it.
   */
  public Host create(CreateRequest request) {
    if (!MachineNames.isValid(request.name())) {
      throw new MachineException("Error creating machine: " + MachineNames.RULE);
    }
    EngineConfig.validate(request.engineOptions());
    InstallStrategy.parseForCreate(
        request.engineOptions().installStrategy(), request.engineOptions().installUrl());
    String discovery = request.swarmOptions().discovery();
    if (!discovery.isEmpty() && !SWARM_DISCOVERY.matcher(discovery).matches()) {
      throw new MachineException(
          "Error parsing swarm discovery: Swarm Discovery URL was in the wrong format: "
              + discovery);
    }
    if (request.swarmOptions().master()) {
      ClassicSwarm.listenPort(request.swarmOptions().host());
    }
    DriverFactory factory = drivers.require(request.driverName());
    if (store.exists(request.name())) {
      throw new io.jmachine.store.MachineExistsException(request.name());
    }
    store.claim(request.name());
    Host host;
    try {
      Driver driver = factory.newDriver(request.name(), store.root().toString());
      try {
        driver.setConfigFromFlags(request.driverOptions());
      } catch (MachineException e) {
        throw new MachineException(
            "Error setting machine configuration from flags provided: " + e.getMessage(), e);
      }
      host = new Host(request.name(), driver, factory.name(), hostOptions(request, driver));
      try {
        certificates.bootstrap(request.tls());
      } catch (MachineException e) {
        throw new MachineException("Error generating certificates: " + e.getMessage(), e);
      }
      info.accept("Running pre-create checks...");
      try {
        driver.preCreateCheck();
      } catch (MachineException e) {
        throw new PreCreateCheckException(e.getMessage());
      }
      copyClientCertificates(request.tls(), store.machineDir(request.name()));
      store.save(host);
    } catch (RuntimeException e) {
      store.remove(request.name());
      throw e;
    }
    info.accept("Creating machine...");
    FinishOnSignal untilSaved = FinishOnSignal.open(SAVE_GRACE);
    try {
      host.driver().create();
    } catch (MachineException e) {
      throw new MachineException(
          "Error creating machine: Error in driver during machine creation: " + e.getMessage(), e);
    } finally {
      // a create stopped by a signal was interrupted; file channels refuse such a thread
      boolean interrupted = Thread.interrupted();
      try {
        store.save(host);
      } finally {
        untilSaved.close();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return host;
  }

  /**
   * The machine folder is what DOCKER_CERT_PATH points at, so it needs the CA and client pair.
   * docker-machine copied them only while provisioning, which left none-driver machines without.
   */
  private static void copyClientCertificates(CreateRequest.TlsPaths tls, Path machineDir) {
    try {
      copy(tls.caCert(), machineDir.resolve("ca.pem"));
      copy(tls.clientCert(), machineDir.resolve("cert.pem"));
      copy(tls.clientKey(), machineDir.resolve("key.pem"));
    } catch (IOException e) {
      throw new MachineException("Error copying certificates: " + e.getMessage(), e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }

  private HostOptions hostOptions(CreateRequest request, Driver driver) {
    Path machineDir = store.machineDir(request.name());
    CreateRequest.TlsPaths tls = request.tls();
    AuthOptions auth =
        new AuthOptions(
            store.certsDir().toString(),
            tls.caCert().toString(),
            tls.caKey().toString(),
            "",
            machineDir.resolve("server.pem").toString(),
            machineDir.resolve("server-key.pem").toString(),
            tls.clientKey().toString(),
            "",
            "",
            tls.clientCert().toString(),
            request.tlsSans(),
            machineDir.toString());
    EngineOptions engine = request.engineOptions();
    String strategy = engine.installStrategy();
    if ((strategy == null || strategy.isEmpty()) && !driver.defaultInstallStrategy().isEmpty()) {
      engine = engine.withInstallStrategy(driver.defaultInstallStrategy());
    }
    return new HostOptions("", 0, 0, engine, request.swarmOptions(), auth);
  }

  public Host load(String name) {
    return store.load(name);
  }

  /**
   * Loads every named machine, or none: if any fails to load, the errors of all that failed are
   * reported together and nothing runs, as docker-machine does for multi-machine verbs.
   */
  public List<Host> loadAll(List<String> names) {
    List<Host> hosts = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      try {
        hosts.add(store.load(name));
      } catch (MachineException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new MachineException(String.join("\n", errors));
    }
    return hosts;
  }

  public FileMachineStore store() {
    return store;
  }
}
