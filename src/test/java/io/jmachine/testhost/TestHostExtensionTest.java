package io.jmachine.testhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TestHostExtensionTest {

  private static final Logger LOG = LoggerFactory.getLogger(TestHostExtensionTest.class);
  private static final Set<String> HOSTS_SEEN = ConcurrentHashMap.newKeySet();

  /** Runs after every nested class has torn its hosts down. */
  @AfterAll
  static void teardown_ofEveryNestedClass_leavesNothingBehind() throws IOException {
    for (String name : HOSTS_SEEN) {
      assertThat(leftoversOf(name)).as("leftovers of %s", name).isEmpty();
    }
    Path leases = HostScripts.runDir().resolve("leases");
    boolean otherRunsHaveHosts;
    try (Stream<Path> held = Files.list(leases)) {
      otherRunsHaveHosts = held.findAny().isPresent();
    }
    if (!otherRunsHaveHosts) {
      assertThat(Path.of("/sys/class/net/jmth0")).as("bridge of the last host").doesNotExist();
    }
  }

  @Nested
  @TestHosts
  class OneHost {

    @BeforeEach
    void remember(TestHost host) {
      HOSTS_SEEN.add(host.name());
    }

    @Test
    void root_logsInWithOpenSsh(TestHost host) {
      CommandResult result = host.ssh(host.rootUser(), "id -un; hostname");

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stdout().lines()).containsExactly("root", host.name());
    }

    @Test
    void sudoUser_hasPasswordlessSudo(TestHost host) {
      CommandResult result = host.ssh(host.sudoUser(), "sudo -n true && id -un");

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.stdout().strip()).isEqualTo("tester");
    }

    @Test
    void rsaKey_isAcceptedForBothUsers(TestHost host) {
      ProcessRunner runner = new ProcessRunner(Map.of());
      for (String user : List.of(host.rootUser(), host.sudoUser())) {
        CommandResult result =
            runner.run(
                host.sshCommand(user, host.rsaPrivateKey(), "id -un"), Duration.ofSeconds(30));

        assertThat(result.stdout().strip()).as(result.stderr()).isEqualTo(user);
      }
    }

    @Test
    void osRelease_isDebian12(TestHost host) {
      String osRelease = host.exec("cat", "/etc/os-release").stdout();

      assertThat(osRelease.lines()).contains("ID=debian", "VERSION_ID=\"12\"");
    }

    @Test
    void systemd_finishesBooting(TestHost host) {
      String state = host.exec("systemctl", "is-system-running", "--wait").stdout().strip();

      LOG.info("systemctl is-system-running on {}: {}", host, state);
      assertThat(state).isIn("running", "degraded");
    }

    @Test
    void exec_runsInsideTheHostAndReportsTheExitCode(TestHost host) {
      CommandResult result = host.exec("sh", "-c", "hostname; cat /etc/machine-id; exit 3");

      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.stdout().lines().toList()).first().isEqualTo(host.name());
      assertThat(result.stdout().lines().toList().get(1)).matches("[0-9a-f]{32}");
    }
  }

  @Nested
  @TestHosts(count = 3)
  class ThreeHosts {

    @BeforeEach
    void remember(List<TestHost> hosts) {
      hosts.forEach(host -> HOSTS_SEEN.add(host.name()));
    }

    @Test
    void hosts_haveDistinctNamesAddressesAndMachineIds(List<TestHost> hosts) {
      assertThat(hosts).hasSize(3);
      assertThat(hosts).extracting(TestHost::name).doesNotHaveDuplicates();
      assertThat(hosts).extracting(TestHost::ip).doesNotHaveDuplicates();
      assertThat(hosts)
          .extracting(host -> host.exec("cat", "/etc/machine-id").stdout())
          .doesNotHaveDuplicates();
    }

    @Test
    void hosts_reachEachOthersSshPort(List<TestHost> hosts) {
      for (int i = 0; i < hosts.size(); i++) {
        TestHost from = hosts.get(i);
        TestHost to = hosts.get((i + 1) % hosts.size());

        CommandResult banner =
            from.exec(
                "bash", "-c", "exec 3<>/dev/tcp/" + to.ip() + "/22 && head -c 7 <&3", to.ip());

        assertThat(banner.stdout())
            .as("%s -> %s: %s", from, to, banner.stderr())
            .isEqualTo("SSH-2.0");
      }
    }
  }

  @Nested
  @TestHosts
  class Stop {

    @Test
    void stop_powersTheHostOffButKeepsItsAddress(TestHost host) {
      HOSTS_SEEN.add(host.name());

      host.stop();

      assertThat(host.isRunning()).isFalse();
      assertThat(host.ssh(host.rootUser(), "true").exitCode()).isEqualTo(255);
      assertThat(Path.of("/run/netns", host.name())).exists();
    }
  }

  @Nested
  @TestHosts
  class Kill {

    @Test
    void kill_stopsTheHostAtOnce(TestHost host) {
      HOSTS_SEEN.add(host.name());
      assertThat(host.isRunning()).isTrue();

      host.kill();

      assertThat(host.isRunning()).isFalse();
      assertThat(host.ssh(host.rootUser(), "true").exitCode()).isEqualTo(255);
    }
  }

  @Nested
  @TestHosts(docker = true)
  class DockerHost {

    @Test
    void dockerd_answersInsideTheHost(TestHost host) {
      HOSTS_SEEN.add(host.name());

      CommandResult version =
          host.exec(
              "sh",
              "-c",
              "for i in $(seq 150); do docker version >/dev/null 2>&1 && break; sleep 0.2; done;"
                  + " docker version --format '{{.Server.Version}}'");

      assertThat(version.stdout()).as(version.stderr()).startsWith("20.10.");
    }
  }

  /** Everything up.sh creates for a host, wherever it still exists. */
  private static List<String> leftoversOf(String name) throws IOException {
    List<String> leftovers = new ArrayList<>();
    Path runDir = HostScripts.runDir();
    Stream.of(
            runDir.resolve("hosts").resolve(name),
            Path.of("/run/netns", name),
            Path.of("/sys/class/net", name + "-v"),
            Path.of("/sys/fs/cgroup/systemd/jmachine-testhost", name),
            Path.of("/sys/fs/cgroup/unified/jmachine-testhost", name))
        .filter(Files::exists)
        .forEach(path -> leftovers.add(path.toString()));
    String hostDir = "/hosts/" + name + "/";
    Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(mount -> mount.contains(hostDir))
        .forEach(mount -> leftovers.add("mount " + mount));
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes
          .filter(proc -> proc.getFileName().toString().matches("\\d+"))
          .map(TestHostExtensionTest::commandLine)
          .filter(args -> args.contains(name) || args.stream().anyMatch(a -> a.contains(hostDir)))
          .forEach(args -> leftovers.add("process " + args));
    }
    try (Stream<Path> leases = Files.list(runDir.resolve("leases"))) {
      leases
          .filter(lease -> firstLine(lease).equals(name))
          .forEach(lease -> leftovers.add("lease " + lease));
    }
    return leftovers;
  }

  private static List<String> commandLine(Path proc) {
    try {
      byte[] raw = Files.readAllBytes(proc.resolve("cmdline"));
      return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of(); // the process has exited meanwhile
    }
  }

  private static String firstLine(Path file) {
    try {
      return Files.readAllLines(file).stream().findFirst().orElse("");
    } catch (IOException e) {
      return ""; // released meanwhile
    }
  }
}
