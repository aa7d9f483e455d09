package io.jmachine.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.CertificateBootstrap;
import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.CertificatePaths;
import io.jmachine.driver.BaseDriver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.driver.MachineState;
import io.jmachine.engine.EngineOptions;
import io.jmachine.error.MachineException;
import io.jmachine.fakes.FakeSshClient;
import io.jmachine.host.Host;
import io.jmachine.host.HostOptions;
import io.jmachine.provision.MachineCertificates;
import io.jmachine.ssh.SshTransportException;
import io.jmachine.store.FileMachineStore;
import io.jmachine.swarm.SwarmOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The create pipeline after the driver, provision and regenerate-certs, on a fake machine. */
class ProvisioningTest {
  private static final String DEBIAN = "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian 12\"\n";
  @TempDir Path dir;
  private Path storeRoot;
  private FileMachineStore store;
  private final List<String> info = new ArrayList<>();
  private final List<String> validated = new ArrayList<>();
  private final List<String> engines = new ArrayList<>();
  private final List<SwarmContainer> started = new ArrayList<>();
  private FakeSshClient ssh;
  private int connections;
  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void setUp() {
    storeRoot = dir.resolve("store");
    store = new FileMachineStore(storeRoot, new DriverRegistry(List.of()));
    new CertificateBootstrap(new CertificateOwner("me"), Clock.systemUTC(), line -> {})
        .bootstrap(CertificatePaths.inDirectory(storeRoot.resolve("certs")));
    ssh = machineWithDocker();
  }

  private static FakeSshClient machineWithDocker() {
    return new FakeSshClient()
        .on("cat /etc/os-release", 0, DEBIAN)
        .on("docker --version", 0, "Docker version 20.10.24+dfsg1, build 297e128\n")
        .on("sudo sh -c 'command -v dockerd'", 0, "/usr/sbin/dockerd\n")
        .on(
            "if ! type netstat 1>/dev/null; then ss -tln; else netstat -tln; fi",
            0,
            "LISTEN 0 4096 *:2376 *:*\n");
  }

  private Provisioning provisioning() {
    return new Provisioning(
        store,
        host -> {
          connections++;
          return ssh;
        },
        new ConnectionCheck((hostPort, auth) -> validated.add(hostPort)),
        (url, auth, container, note) -> {
          engines.add(url);
          started.add(container);
        },
        new CertificateOwner("me"),
        info::add,
        clock::advance,
        clock,
        Duration.ofMinutes(3));
  }

  private Host host(FakeDriver driver) throws Exception {
    return host(driver, SwarmOptions.fromJson(Map.of()));
  }

  private Host host(FakeDriver driver, SwarmOptions swarm) throws Exception {
    Path machineDir = store.machineDir(driver.machineName());
    Files.createDirectories(machineDir);
    Path certs = storeRoot.resolve("certs");
    AuthOptions auth =
        new AuthOptions(
            certs.toString(),
            certs.resolve("ca.pem").toString(),
            certs.resolve("ca-key.pem").toString(),
            "",
            machineDir.resolve("server.pem").toString(),
            machineDir.resolve("server-key.pem").toString(),
            certs.resolve("key.pem").toString(),
            "",
            "",
            certs.resolve("cert.pem").toString(),
            List.of("extra.example"),
            machineDir.toString());
    EngineOptions engine =
        new EngineOptions(
            List.of(),
            null,
            "",
            List.of(),
            false,
            List.of(),
            List.of(),
            "",
            "",
            false,
            true,
            List.of(),
            EngineOptions.DEFAULT_INSTALL_URL);
    HostOptions options = new HostOptions("", 0, 0, engine, swarm, auth);
    return new Host(driver.machineName(), driver, "fake", options);
  }

  @Test
  void afterCreate_printsDockerMachinesStepsInOrder_overOneConnection() throws Exception {
    FakeDriver driver = new FakeDriver("m1", MachineState.STOPPED, MachineState.RUNNING);
    Host host = host(driver);

    provisioning().afterCreate(host);

    assertThat(info)
        .containsExactly(
            "Waiting for machine to be running, this may take a few minutes...",
            "Detecting operating system of created instance...",
            "Waiting for SSH to be available...",
            "Detecting the provisioner...",
            "Provisioning with debian...",
            "Copying certs to the local machine directory...",
            "Copying certs to the remote machine...",
            "Setting Docker configuration on the remote daemon...",
            "Checking connection to Docker...",
            "Docker is up and running!");
    assertThat(connections).isEqualTo(1);
    assertThat(ssh.closed()).isEqualTo(1);
    assertThat(ssh.commands().subList(0, 2)).containsExactly("exit 0", "cat /etc/os-release");
    assertThat(validated).containsExactly("10.0.0.9:2376");
    assertThat(clock.slept).containsExactly(Duration.ofSeconds(3));
    assertThat(store.machineDir("m1").resolve("provisioning-status")).doesNotExist();
    assertThat(store.machineDir("m1").resolve("server.pem")).exists();
    assertThat(store.machineDir("m1").resolve("ca.pem")).exists();
  }

  @Test
  void provision_swarmMember_startsItsContainersOnTheEngine_afterTheDaemonIsConfigured()
      throws Exception {
    SwarmOptions swarm =
        new SwarmOptions(
            true,
            "",
            "token://abc",
            true,
            true,
            SwarmOptions.DEFAULT_HOST,
            "swarm:latest",
            "spread",
            0,
            0,
            null,
            null,
            List.of("HTTP_PROXY=http://proxy:3128"),
            false);
    Host host = host(new FakeDriver("sw", MachineState.RUNNING), swarm);

    provisioning().provision(host);

    assertThat(info)
        .endsWith("Setting Docker configuration on the remote daemon...", "Configuring swarm...");
    assertThat(engines).containsExactly("tcp://10.0.0.9:2376", "tcp://10.0.0.9:2376");
    assertThat(started)
        .extracting(SwarmContainer::name, SwarmContainer::env)
        .containsExactly(
            tuple("swarm-agent-master", List.of("HTTP_PROXY=http://proxy:3128")),
            tuple("swarm-agent", List.of("HTTP_PROXY=http://proxy:3128")));
    assertThat(started.get(0).binds()).containsExactly("/etc/docker:/etc/docker");
    assertThat(validated).containsExactly("10.0.0.9:2376");
  }

  @Test
  void provision_notASwarmMember_startsNoContainer() throws Exception {
    provisioning().provision(host(new FakeDriver("solo", MachineState.RUNNING)));

    assertThat(info).doesNotContain("Configuring swarm...");
    assertThat(started).isEmpty();
  }

  @Test
  void afterCreate_failingStep_isWrapped_andLeavesTheMachineInError() throws Exception {
    ssh.on("sudo systemctl -f stop docker", 5, "Failed to stop docker.service: Access denied\n");
    Host host = host(new FakeDriver("m2", MachineState.RUNNING));

    assertThatThrownBy(() -> provisioning().afterCreate(host))
        .hasMessageStartingWith(
            "Error creating machine: Error running provisioning: step \"Stopping Docker\" failed\n"
                + "command : sudo systemctl -f stop docker\nerr     : exit status 5\n");
    var status = ProvisionStatus.read(store.machineDir("m2"), "m2");
    assertThat(status).isPresent();
    assertThat(status.get().state()).isEqualTo(MachineState.ERROR);
    assertThat(status.get().error())
        .isEqualTo(
            "Provisioning failed: Error creating machine: Error running provisioning: step"
                + " \"Stopping Docker\" failed; run `docker-machine provision m2` to finish it or"
                + " `docker-machine rm m2`");

    ssh.on("sudo systemctl -f stop docker", 0, "");
    provisioning().provision(host);
    assertThat(ProvisionStatus.read(store.machineDir("m2"), "m2")).isEmpty();
  }

  @Test
  void afterCreate_unknownOs_saysWhatItFoundAndWhatItKnows() throws Exception {
    ssh.on("cat /etc/os-release", 0, "ID=haiku\nPRETTY_NAME=\"Haiku R1\"\n");
    Host host = host(new FakeDriver("m3", MachineState.RUNNING));

    assertThatThrownBy(() -> provisioning().afterCreate(host))
        .hasMessageStartingWith(
            "Error creating machine: Error detecting OS: OS type not recognized (Haiku R1);"
                + " jmachine knows boot2docker, ubuntu(systemd), ubuntu(upstart), debian,");
  }

  @Test
  void waitForSsh_retriesTransportFailures_thenProceeds() throws Exception {
    ssh.dropOn("exit 0", 2);
    Host host = host(new FakeDriver("m4", MachineState.RUNNING));

    provisioning().provision(host);

    assertThat(ssh.commands().subList(0, 4))
        .containsExactly("exit 0", "exit 0", "exit 0", "cat /etc/os-release");
    assertThat(clock.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void waitForSsh_givesUpAtTheDeadline_withTheLastError() throws Exception {
    ssh.dropOn("exit 0", Integer.MAX_VALUE);
    Host host = host(new FakeDriver("m5", MachineState.RUNNING));

    assertThatThrownBy(() -> provisioning().afterCreate(host))
        .hasMessage(
            "Error creating machine: Error detecting OS: Too many retries waiting for SSH to be"
                + " available.  Last error: connection reset by peer");
    assertThat(clock.elapsed())
        .isBetween(Duration.ofMinutes(3), Duration.ofMinutes(3).plusSeconds(2));
  }

  @Test
  void waitForSsh_hostKeyChanged_failsAtOnce() throws Exception {
    ssh.when(
        "exit 0"::equals,
        c -> {
          throw new SshTransportException(
              "The SSH host key of 10.0.0.9:22 differs from the one pinned in x");
        });
    Host host = host(new FakeDriver("m6", MachineState.RUNNING));

    assertThatThrownBy(() -> provisioning().provision(host))
        .hasMessageContaining("differs from the one pinned");
    assertThat(ssh.commands()).containsExactly("exit 0");
  }

  @Test
  void machineNeverRunning_failsAtTheDeadline() throws Exception {
    Host host = host(new FakeDriver("m7", MachineState.STOPPED));

    assertThatThrownBy(() -> provisioning().afterCreate(host))
        .hasMessage(
            "Error creating machine: Error waiting for machine to be running: the machine was"
                + " still Stopped after 3m0s");
    assertThat(connections).isZero();
  }

  @Test
  void provision_keepsAFittingServerCertificate_regenerateReplacesIt() throws Exception {
    Host host = host(new FakeDriver("m8", MachineState.RUNNING));
    Path server = store.machineDir("m8").resolve("server.pem");

    provisioning().provision(host);
    String first = Files.readString(server);
    provisioning().provision(host);
    assertThat(Files.readString(server)).isEqualTo(first);
    provisioning().regenerateCertificates(host);
    assertThat(Files.readString(server)).isNotEqualTo(first);
  }

  @Test
  void newIpAddress_getsANewServerCertificate_beforeTheConnectionCheck() throws Exception {
    FakeDriver driver = new FakeDriver("m9", MachineState.RUNNING);
    Host host = host(driver);
    provisioning().provision(host);
    MachineCertificates certs =
        new MachineCertificates(
            "m9", host.options().authOptions(), false, new CertificateOwner("me"), clock);
    assertThat(certs.fits("10.0.0.9")).isTrue();
    int before = ssh.commands().size();

    assertThat(provisioning().refreshIfAddressChanged(host)).isFalse();
    assertThat(ssh.commands()).hasSize(before);

    driver.ip = "10.0.0.42";
    assertThat(certs.fits("10.0.0.42")).isFalse();
    assertThat(provisioning().refreshIfAddressChanged(host)).isTrue();
    assertThat(certs.fits("10.0.0.42")).isTrue();
    assertThat(info)
        .contains(
            "The server certificate of m9 does not name its address 10.0.0.42; issuing a new one"
                + " (this restarts its Docker daemon)...");
    assertThat(ssh.commands().subList(before, ssh.commands().size()))
        .contains("sudo systemctl -f start docker");
  }

  @Test
  void afterStart_detectsAndWaitsForTheDaemon_orReissuesForANewIp() throws Exception {
    FakeDriver driver = new FakeDriver("m11", MachineState.RUNNING);
    Host host = host(driver);
    provisioning().provision(host);
    info.clear();
    int before = ssh.commands().size();

    provisioning().afterStart(host);

    assertThat(info)
        .containsExactly("Waiting for SSH to be available...", "Detecting the provisioner...");
    assertThat(ssh.commands().subList(before, ssh.commands().size()))
        .containsExactly(
            "exit 0",
            "cat /etc/os-release",
            "if ! type netstat 1>/dev/null; then ss -tln; else netstat -tln; fi");

    driver.ip = "10.0.0.77";
    info.clear();
    provisioning().afterStart(host);
    assertThat(info)
        .contains(
            "The server certificate of m11 does not name its address 10.0.0.77; issuing a new"
                + " one...");
    assertThat(
            new MachineCertificates(
                    "m11", host.options().authOptions(), false, new CertificateOwner("me"), clock)
                .fits("10.0.0.77"))
        .isTrue();
  }

  @Test
  void status_ofAProvisioningStillRunning_isStarting_ofAKilledOne_isError() throws Exception {
    Path machineDir = store.machineDir("m10");
    Files.createDirectories(machineDir);

    ProvisionStatus.started(machineDir);
    assertThat(ProvisionStatus.read(machineDir, "m10").get().state())
        .isEqualTo(MachineState.STARTING);

    Files.writeString(machineDir.resolve("provisioning-status"), "running 999999999\n");
    assertThat(ProvisionStatus.read(machineDir, "m10").get().error())
        .isEqualTo(
            "Provisioning was interrupted; run `docker-machine provision m10` to finish it or"
                + " `docker-machine rm m10`");
  }

  @Test
  void permanent_onlyForFailuresWaitingCannotCure() {
    assertThat(Provisioning.permanent(new SshTransportException("connection refused"))).isFalse();
    assertThat(
            Provisioning.permanent(new SshTransportException("The SSH key k holds no private key")))
        .isTrue();
  }

  /** A driver whose state follows a script, then stays at the last one. */
  static final class FakeDriver extends BaseDriver {
    private final Deque<MachineState> states = new ArrayDeque<>();
    String ip = "10.0.0.9";

    FakeDriver(String name, MachineState... states) {
      super(name, "/store");
      this.states.addAll(List.of(states));
    }

    @Override
    public String driverName() {
      return "fake";
    }

    @Override
    protected void writeOwnFields(Map<String, Object> blob) {}

    @Override
    public void setConfigFromFlags(DriverOptions options) {}

    @Override
    public String getUrl() {
      return "tcp://" + ip + ":2376";
    }

    @Override
    public String getIp() {
      return ip;
    }

    @Override
    public MachineState getState() {
      return states.size() > 1 ? states.poll() : states.peek();
    }

    @Override
    public void create() {}

    @Override
    public void remove() {}

    @Override
    public void start() {
      throw new MachineException("no");
    }

    @Override
    public void stop() {}

    @Override
    public void restart() {}

    @Override
    public void kill() {}
  }

  /** A clock that moves only when the code under test sleeps. */
  static final class MutableClock extends Clock {
    private final Instant start = Instant.now();
    private Instant now = start;
    final List<Duration> slept = new ArrayList<>();

    void advance(Duration d) {
      slept.add(d);
      now = now.plus(d);
    }

    Duration elapsed() {
      return Duration.between(start, now);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
