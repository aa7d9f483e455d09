package io.jmachine.machine;

import io.jmachine.cert.CertificateOwner;
import io.jmachine.driver.Driver;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.provision.InstallStrategy;
import io.jmachine.provision.MachineCertificates;
import io.jmachine.provision.OsRelease;
import io.jmachine.provision.ProvisionRun;
import io.jmachine.provision.ProvisionTarget;
import io.jmachine.provision.Provisioner;
import io.jmachine.provision.Provisioners;
import io.jmachine.provision.RemoteShell;
import io.jmachine.ssh.SshClient;
import io.jmachine.ssh.SshResult;
import io.jmachine.ssh.SshTransportException;
import io.jmachine.store.FileMachineStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What happens to a machine over SSH: the rest of `create` once the driver made it (docker-machine
 * §6.2 steps 12-15), `provision`, `regenerate-certs` and `upgrade`. Each run uses one SSH
 * connection for all its commands. A create or provision that fails leaves its error in the
 * machine's provisioning status, so `ls` shows the machine as Error until it is fixed.
 */
public final class Provisioning {
  static final Duration RUNNING_POLL = Duration.ofSeconds(3);
  static final Duration SSH_POLL = Duration.ofSeconds(1);

  private final FileMachineStore store;
  private final Function<Host, SshClient> connector;
  private final ConnectionCheck connectionCheck;
  private final EngineContainers containers;
  private final CertificateOwner owner;
  private final Consumer<String> info;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration readiness;

  /**
   * @param connector opens the (one) SSH connection to a machine
   * @param containers starts classic Swarm's containers on machines that are Swarm members
   * @param readiness how long to wait for a machine to run and answer over SSH
   */
  public Provisioning(
      FileMachineStore store,
      Function<Host, SshClient> connector,
      ConnectionCheck connectionCheck,
      EngineContainers containers,
      CertificateOwner owner,
      Consumer<String> info,
      Sleeper sleeper,
      Clock clock,
      Duration readiness) {
    this.store = store;
    this.connector = connector;
    this.connectionCheck = connectionCheck;
    this.containers = containers;
    this.owner = owner;
    this.info = info;
    this.sleeper = sleeper;
    this.clock = clock;
    this.readiness = readiness;
  }

  /** create after Driver.Create(): wait, detect, provision, check; messages as docker-machine. */
  public void afterCreate(Host host) {
    Path dir = store.machineDir(host.name());
    ProvisionStatus.started(dir);
    try {
      info.accept("Waiting for machine to be running, this may take a few minutes...");
      waitRunning(host, "Error creating machine: Error waiting for machine to be running: ");
      info.accept("Detecting operating system of created instance...");
      try (SshClient ssh = connector.apply(host)) {
        RemoteShell sh = shell(ssh);
        Detected detected = detect(host, ssh, sh, "Error creating machine: Error detecting OS: ");
        info.accept("Provisioning with " + detected.provisioner().name() + "...");
        try {
          provisionFully(host, sh, detected);
        } catch (MachineException e) {
          throw new MachineException(
              "Error creating machine: Error running provisioning: " + e.getMessage(), e);
        }
      }
      info.accept("Checking connection to Docker...");
      try {
        connectionCheck.check(host, false);
      } catch (MachineException e) {
        throw new MachineException(
            "Error creating machine: Error checking the host: " + e.getMessage(), e);
      }
      info.accept("Docker is up and running!");
      ProvisionStatus.succeeded(dir);
    } catch (RuntimeException e) {
      ProvisionStatus.failed(dir, e.getMessage());
      throw e;
    }
  }

  /** `provision NAME`: the whole provisioner again; safe on a provisioned machine. */
  public void provision(Host host) {
    Path dir = store.machineDir(host.name());
    ProvisionStatus.started(dir);
    try {
      try (SshClient ssh = connector.apply(host)) {
        RemoteShell sh = shell(ssh);
        Detected detected = detect(host, ssh, sh, "Error detecting OS: ");
        try {
          provisionFully(host, sh, detected);
        } catch (MachineException e) {
          throw new MachineException("Error running provisioning: " + e.getMessage(), e);
        }
      }
      check(host);
      ProvisionStatus.succeeded(dir);
    } catch (RuntimeException e) {
      ProvisionStatus.failed(dir, e.getMessage());
      throw e;
    }
  }

  /** `regenerate-certs NAME`: a new server certificate on the machine, then a TLS check. */
  public void regenerateCertificates(Host host) {
    try (SshClient ssh = connector.apply(host)) {
      RemoteShell sh = shell(ssh);
      Detected detected = detect(host, ssh, sh, "Error detecting OS: ");
      detected.provisioner().regenerateCertificates(run(host, sh, detected.os(), true));
    }
    check(host);
  }

  /** `upgrade NAME`: Docker upgraded with the machine's own install strategy. */
  public void upgrade(Host host) {
    Driver driver = host.driver();
    if (driver.getState() != MachineState.RUNNING) {
      info.accept("Starting machine so machine can be upgraded...");
      driver.start();
      waitRunning(host, "Error starting machine: ");
    }
    try (SshClient ssh = connector.apply(host)) {
      RemoteShell sh = shell(ssh);
      Detected detected = detect(host, ssh, sh, "Error detecting OS: ");
      detected.provisioner().upgrade(run(host, sh, detected.os(), false));
    }
    check(host);
  }

  /**
   * After start and restart, as docker-machine: the provisioner is detected and the daemon's port
   * waited for; a machine that came back with another IP first gets a server certificate for it
   * (docker-machine #531).
   */
  public void afterStart(Host host) {
    try (SshClient ssh = connector.apply(host)) {
      RemoteShell sh = shell(ssh);
      Detected detected = detect(host, ssh, sh, "Error detecting OS: ");
      ProvisionRun run = run(host, sh, detected.os(), true);
      MachineCertificates certificates = certificates(host);
      if (certificates.hasServerCertificate() && !certificates.fits(run.target().ip())) {
        info.accept(
            "The server certificate of "
                + host.name()
                + " does not name its address "
                + run.target().ip()
                + "; issuing a new one...");
        detected.provisioner().regenerateCertificates(run);
      } else {
        detected.provisioner().waitForDaemon(run);
      }
    }
  }

  /**
   * Re-issues a machine's server certificate when it does not name the machine's current IP
   * (docker-machine #531: "certificate is valid for 192.168.99.101, not 192.168.99.100"), before
   * `env` or `config` check the connection. Returns true when it did.
   */
  public boolean refreshIfAddressChanged(Host host) {
    if (!host.driver().reachableOverSsh()) {
      return false;
    }
    String ip;
    try {
      ip = host.driver().getIp();
    } catch (MachineException e) {
      return false;
    }
    MachineCertificates certificates = certificates(host);
    if (!certificates.hasServerCertificate() || certificates.fits(ip)) {
      return false;
    }
    info.accept(
        "The server certificate of "
            + host.name()
            + " does not name its address "
            + ip
            + "; issuing a new one (this restarts its Docker daemon)...");
    regenerateCertificates(host);
    return true;
  }

  /** docker-machine's Provision(): the provisioner's steps, then Swarm's containers. */
  private void provisionFully(Host host, RemoteShell sh, Detected detected) {
    ProvisionRun run = run(host, sh, detected.os(), false);
    detected.provisioner().provision(run);
    var swarm = host.options().swarmOptions();
    if (!swarm.isSwarm()) {
      return;
    }
    info.accept("Configuring swarm...");
    String ip = run.target().ip();
    int port = run.target().enginePort();
    for (SwarmContainer container :
        ClassicSwarm.containers(swarm, ip, port, detected.provisioner().dockerOptionsDir())) {
      containers.replace("tcp://" + ip + ":" + port, host.options().authOptions(), container, info);
    }
  }

  private void check(Host host) {
    connectionCheck.check(host, false);
  }

  private RemoteShell shell(SshClient ssh) {
    return new RemoteShell(ssh, sleeper::sleep, info);
  }

  private record Detected(OsRelease os, Provisioner provisioner) {}

  /** "Waiting for SSH to be available...", "Detecting the provisioner...", os-release. */
  private Detected detect(Host host, SshClient ssh, RemoteShell sh, String prefix) {
    info.accept("Waiting for SSH to be available...");
    waitForSsh(host, ssh, prefix);
    info.accept("Detecting the provisioner...");
    SshResult release = sh.run("Detecting the provisioner", "cat /etc/os-release");
    if (!release.succeeded()) {
      throw new MachineException(
          prefix
              + "Error getting SSH command to read /etc/os-release: "
              + release.output().strip());
    }
    OsRelease os = OsRelease.parse(release.output());
    try {
      return new Detected(os, Provisioners.detect(os));
    } catch (MachineException e) {
      String named = os.prettyName().isEmpty() ? "" : " (" + os.prettyName() + ")";
      throw new MachineException(
          (prefix.startsWith("Error creating machine: ") ? "Error creating machine: " : "")
              + e.getMessage()
              + named
              + "; jmachine knows "
              + String.join(", ", Provisioners.names()),
          e);
    }
  }

  /** `exit 0` over the one connection until it answers, within the readiness deadline. */
  private void waitForSsh(Host host, SshClient ssh, String prefix) {
    Instant end = clock.instant().plus(readiness);
    while (true) {
      try {
        ssh.run("exit 0");
        return;
      } catch (SshTransportException e) {
        if (!clock.instant().isBefore(end) || permanent(e)) {
          throw new MachineException(
              prefix
                  + "Too many retries waiting for SSH to be available.  Last error: "
                  + e.getMessage(),
              e);
        }
      }
      sleeper.sleep(SSH_POLL);
    }
  }

  /**
   * Failures waiting cannot cure: a host key that differs from the pinned one, a key file the
   * client cannot use. Refused connections and failed logins are retried, as a booting machine
   * produces both.
   */
  static boolean permanent(SshTransportException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("differs from the one pinned")
        || m.contains("cannot use")
        || m.contains("Cannot use the SSH key")
        || m.contains("holds no private key")
        || m.contains("protected by a passphrase");
  }

  private void waitRunning(Host host, String prefix) {
    Instant end = clock.instant().plus(readiness);
    MachineState state;
    while ((state = host.driver().getState()) != MachineState.RUNNING) {
      if (!clock.instant().isBefore(end)) {
        throw new MachineException(
            prefix
                + "the machine was still "
                + (state.label().isEmpty() ? "not running" : state.label())
                + " after "
                + GoDuration.format(readiness));
      }
      sleeper.sleep(RUNNING_POLL);
    }
  }

  private ProvisionRun run(Host host, RemoteShell sh, OsRelease os, boolean freshCertificate) {
    var engine = host.options().engineOptions();
    ProvisionTarget target =
        new ProvisionTarget(
            host.name(),
            host.driverName(),
            host.driver().getIp(),
            enginePort(host),
            engine,
            host.options().swarmOptions(),
            host.options().authOptions(),
            InstallStrategy.parse(engine.installStrategy(), engine.installUrl()));
    return new ProvisionRun(sh, target, os, certificates(host), freshCertificate);
  }

  private MachineCertificates certificates(Host host) {
    return new MachineCertificates(
        host.name(),
        host.options().authOptions(),
        host.options().swarmOptions().master(),
        owner,
        clock);
  }

  /** The port of the driver's URL (docker-machine: default 2376). */
  static int enginePort(Host host) {
    try {
      int port = new URI(host.driver().getUrl()).getPort();
      return port > 0 ? port : 2376;
    } catch (URISyntaxException | MachineException e) {
      return 2376;
    }
  }
}
