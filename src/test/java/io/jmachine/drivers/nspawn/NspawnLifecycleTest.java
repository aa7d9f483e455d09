package io.jmachine.drivers.nspawn;

import static io.jmachine.drivers.nspawn.NspawnTestSupport.createMachine;
import static io.jmachine.drivers.nspawn.NspawnTestSupport.leftovers;
import static io.jmachine.drivers.nspawn.NspawnTestSupport.ssh;
import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.driver.Driver;
import io.jmachine.driver.MachineState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real machines through the driver: create, power actions, state, reboot, rm. */
class NspawnLifecycleTest {
  private Path store;

  @BeforeAll
  static void machinesCanRun() {
    NspawnTestSupport.requireMachines();
  }

  @BeforeEach
  void newStore() throws IOException {
    store = NspawnTestSupport.newStore();
  }

  @AfterEach
  void removeEverything() {
    NspawnTestSupport.removeStore(store);
  }

  private static String sshOut(Driver driver, String command) {
    NspawnTestSupport.Result r = ssh(driver, command);
    assertThat(r.exit()).as("ssh %s: %s", command, r.all()).isZero();
    return r.out().strip();
  }

  @Test
  void create_bootsSystemd_reachableAsRootWithTheMachineKey() throws IOException {
    Driver driver = createMachine(store, "life1", Map.of());

    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);
    String ip = driver.getIp();
    assertThat(
            Ipv4Subnet.parse(NspawnTestSupport.SUBNET).contains((int) Ipv4Subnet.parseAddress(ip)))
        .as(ip)
        .isTrue();
    assertThat(driver.getUrl()).isEqualTo("tcp://" + ip + ":2376");
    assertThat(driver.sshUsername()).isEqualTo("root");
    assertThat(driver.sshPort()).isEqualTo(22);
    Path key = store.resolve("machines/life1/id_rsa");
    assertThat(driver.sshKeyPath()).isEqualTo(key.toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Files.readString(store.resolve("machines/life1/id_rsa.pub"))).startsWith("ssh-rsa ");

    assertThat(sshOut(driver, "hostname")).isEqualTo("life1");
    assertThat(sshOut(driver, "systemctl is-system-running --wait")).isEqualTo("running");
    assertThat(sshOut(driver, "cat /etc/machine-id")).matches("[0-9a-f]{32}");
    assertThat(sshOut(driver, "cat /proc/sys/net/ipv4/ip_forward")).isEqualTo("1");
    assertThat(sshOut(driver, "findmnt -n -o FSTYPE /var/lib/docker")).isNotEqualTo("overlay");
    assertThat(sshOut(driver, "cat /etc/resolv.conf")).isEqualTo("nameserver 127.0.0.1");
    assertThat(sshOut(driver, "ls /var/cache/apt/archives | grep -c '^docker.io_'")).isEqualTo("1");
    assertThat(sshOut(driver, "ip -4 -o addr show dev eth0")).contains(" " + ip + "/25 ");
  }

  @Test
  void stopAndStart_keepDiskAndAddress_andStopLeavesNoProcessOrMount() throws IOException {
    Driver driver = createMachine(store, "life2", Map.of());
    String ip = driver.getIp();
    String tag = HostNetwork.tag((int) Ipv4Subnet.parseAddress(ip));
    sshOut(driver, "echo kept >/root/marker");

    driver.stop();
    assertThat(driver.getState()).isEqualTo(MachineState.STOPPED);
    assertThat(Cgroups.host().processes(tag)).isEmpty();
    assertThat(new Mounts(null).below(store.resolve("machines/life2"))).isEmpty();

    Driver later = NspawnTestSupport.load(store, "life2");
    assertThat(later.getState()).isEqualTo(MachineState.STOPPED);
    later.start();
    assertThat(later.getState()).isEqualTo(MachineState.RUNNING);
    assertThat(later.getIp()).isEqualTo(ip);
    assertThat(sshOut(later, "cat /root/marker")).isEqualTo("kept");
  }

  @Test
  void kill_showsStopped_andStartRecoversTheMachine() throws IOException {
    Driver driver = createMachine(store, "life3", Map.of());
    driver.kill();
    assertThat(driver.getState()).isEqualTo(MachineState.STOPPED);
    driver.start();
    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);
    assertThat(sshOut(driver, "systemctl is-system-running --wait")).isEqualTo("running");
  }

  @Test
  void nspawnKilledFromOutside_isNeverRunning_andStartRecovers() throws Exception {
    Driver driver = createMachine(store, "life4", Map.of());
    long nspawn =
        Long.parseLong(Files.readString(store.resolve("machines/life4/nspawn/nspawn.pid")).strip());
    ProcessHandle.of(nspawn).orElseThrow().destroyForcibly();

    MachineState state = waitWhileRunning(driver);
    assertThat(state).isIn(MachineState.STOPPED, MachineState.ERROR);
    driver.start();
    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);
    assertThat(sshOut(driver, "hostname")).isEqualTo("life4");
  }

  @Test
  void supervisorKilled_showsError_andStopStillEndsTheMachine() throws Exception {
    Driver driver = createMachine(store, "life5", Map.of());
    String tag = HostNetwork.tag((int) Ipv4Subnet.parseAddress(driver.getIp()));
    ProcessIdentity supervisor = NspawnTestSupport.supervisorOf(store, "life5").orElseThrow();
    supervisor.signal(true);

    assertThat(waitWhileRunning(driver)).isEqualTo(MachineState.ERROR);
    driver.stop();
    assertThat(driver.getState()).isEqualTo(MachineState.STOPPED);
    assertThat(Cgroups.host().processes(tag)).isEmpty();
    driver.start();
    assertThat(sshOut(driver, "hostname")).isEqualTo("life5");
  }

  @Test
  void rebootInside_bootsAgain_andRestartGivesANewBoot() throws Exception {
    Driver driver = createMachine(store, "life6", Map.of());
    String firstBoot = sshOut(driver, "cat /proc/sys/kernel/random/boot_id");
    ssh(driver, "systemctl reboot");
    String secondBoot = waitForNewBoot(driver, firstBoot);
    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);

    driver.restart();
    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);
    assertThat(sshOut(driver, "cat /proc/sys/kernel/random/boot_id"))
        .isNotIn(firstBoot, secondBoot);
  }

  @Test
  void remove_leavesNothingOnTheHost() throws IOException {
    Driver driver = createMachine(store, "life7", Map.of());
    String ip = driver.getIp();
    List<String> footprint = NspawnTestSupport.footprint(store, "life7", ip);
    assertThat(footprint)
        .anyMatch(t -> t.startsWith("network namespace "))
        .anyMatch(t -> t.startsWith("veth "))
        .anyMatch(t -> t.startsWith("cgroup "))
        .anyMatch(t -> t.startsWith("process "))
        .anyMatch(t -> t.startsWith("mount "))
        .anyMatch(t -> t.startsWith("lease "))
        .anyMatch(t -> t.startsWith("folder "));

    driver.remove();

    assertThat(leftovers(store, "life7", ip, footprint)).isEmpty();
    assertThat(NspawnTestSupport.processesMentioning(store.toString())).isEmpty();
  }

  @Test
  void remove_ofAMachineWhoseConfigLostItsAddress_stillLeavesNothing() throws IOException {
    Driver driver = createMachine(store, "life9", Map.of());
    String ip = driver.getIp();
    // as if create had been killed between leasing the address and saving config.json
    Path config = store.resolve("machines/life9/config.json");
    Files.writeString(
        config,
        Files.readString(config).replace("\"IPAddress\": \"" + ip + "\"", "\"IPAddress\": \"\""));
    Driver loaded = NspawnTestSupport.load(store, "life9");
    assertThat(loaded.getState()).isEqualTo(MachineState.RUNNING);
    List<String> footprint = NspawnTestSupport.footprint(store, "life9", ip);

    loaded.remove();

    assertThat(leftovers(store, "life9", ip, footprint)).isEmpty();
  }

  @Test
  void memoryAndCpuLimits_applyToTheMachinesProcesses() throws IOException {
    Cgroups cgroups = Cgroups.host();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        cgroups.memoryLimitSupport().isPresent() && cgroups.cpuLimitSupport().isPresent(),
        "no memory or cpu controller");
    Driver driver =
        createMachine(store, "life8", Map.of("nspawn-memory", 768, "nspawn-cpu-count", 1));
    String tag = HostNetwork.tag((int) Ipv4Subnet.parseAddress(driver.getIp()));
    assertThat(cgroups.processes(tag)).isNotEmpty();
    for (Path group : cgroups.groups(tag)) {
      Path limit = group.resolve("memory.limit_in_bytes");
      if (Files.exists(limit)) {
        assertThat(Files.readString(limit).strip()).isEqualTo(Long.toString(768L << 20));
      }
      Path quota = group.resolve("cpu.cfs_quota_us");
      if (Files.exists(quota)) {
        assertThat(Files.readString(quota).strip()).isEqualTo("100000");
      }
    }
    Path memoryGroup =
        cgroups.groups(tag).stream()
            .filter(g -> Files.exists(g.resolve("memory.limit_in_bytes")))
            .findFirst()
            .orElseThrow();
    // every process of the machine, systemd included, is held to the limit
    assertThat(Files.readString(memoryGroup.resolve("cgroup.procs")).strip().split("\n").length)
        .isGreaterThan(3);
  }

  private static MachineState waitWhileRunning(Driver driver) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    MachineState state = driver.getState();
    while (state == MachineState.RUNNING && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      state = driver.getState();
    }
    return state;
  }

  private static String waitForNewBoot(Driver driver, String oldBoot) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      NspawnTestSupport.Result r = ssh(driver, "cat /proc/sys/kernel/random/boot_id");
      if (r.exit() == 0 && !r.out().strip().equals(oldBoot)) {
        return r.out().strip();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the machine did not come back after its reboot");
  }
}
