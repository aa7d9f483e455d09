package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.drivers.generic.GenericMachineFixture;
import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import io.jmachine.testhost.UnusedAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `ssh`, `scp` and `mount` as a user runs them: the real jmachine process against two generic
 * machines that are real Debian hosts. m1 logs in as root, m2 as the sudo user "tester".
 */
@TestHosts(count = 2)
class SshCommandsEndToEndTest {
  @TempDir Path dir;
  private Path bin;
  private Path store;
  private final Map<String, String> env = new HashMap<>();
  private TestHost m1;
  private TestHost m2;

  @BeforeEach
  void machines(List<TestHost> hosts) throws Exception {
    m1 = hosts.get(0);
    m2 = hosts.get(1);
    store = dir.resolve("store with space");
    GenericMachineFixture.save(store, "m1", m1, "root", m1.rsaPrivateKey());
    GenericMachineFixture.save(store, "m2", m2, "tester", m2.rsaPrivateKey());
    bin = Tools.dockerMachineScript(dir);
    env.put("MACHINE_STORAGE_PATH", store.toString());
    env.put("HOME", dir.toString());
    env.put("PATH", System.getenv("PATH"));
    env.remove("SSH_AUTH_SOCK");
  }

  private Tools.Result machine(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(bin.toString()));
    command.addAll(List.of(args));
    return Tools.run(command, dir, env);
  }

  @ParameterizedTest
  @ValueSource(strings = {"external", "native"})
  void ssh_command_printsItsOutput_andPassesItsExitStatusThrough(String client) throws Exception {
    env.put("MACHINE_NATIVE_SSH", Boolean.toString(client.equals("native")));

    Tools.Result result = machine("ssh", "m1", "echo", "out;", "echo", "err", ">&2;", "exit", "3");
    Tools.Result words = machine("ssh", "m2", "ls", "-d", "/etc", "--", "/usr");

    assertThat(result.exit()).as(result.err()).isEqualTo(3);
    assertThat(result.out()).isEqualTo("out\n");
    assertThat(result.err()).isEqualTo("err\n");
    assertThat(words.out()).isEqualTo("/etc\n/usr\n");
    assertThat(Files.readString(store.resolve("machines/m1/known_hosts"))).startsWith(m1.ip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"external", "native"})
  void ssh_interactiveShell_inTmux_runsWhatIsTyped_followsResizes_andExitsWithTheShellsStatus(
      String client) throws Exception {
    Path socket = dir.resolve("tmux.sock");
    Path status = dir.resolve("status");
    String launch =
        "env MACHINE_STORAGE_PATH='"
            + store
            + "' HOME='"
            + dir
            + "' '"
            + bin
            + "'"
            + (client.equals("native") ? " --native-ssh" : "")
            + " ssh m2; echo $? > '"
            + status
            + "'; sleep 60";
    Tmux tmux = new Tmux(socket);
    try {
      tmux.run("new-session", "-d", "-s", "t", "-x", "120", "-y", "30", launch);
      tmux.waitFor("tester@" + m2.name());
      tmux.run("send-keys", "-t", "t", "echo $((6 * 7)) $(tty)", "Enter");
      tmux.waitFor("42 /dev/pts/");
      // the remote PTY follows the local terminal's size, also after a resize
      tmux.run("send-keys", "-t", "t", "echo size=$(stty size)", "Enter");
      tmux.waitFor("size=" + tmux.paneSize());
      tmux.run("resize-window", "-t", "t", "-x", "100", "-y", "40");
      tmux.retypeUntil("echo size=$(stty size)", "size=" + tmux.paneSize());
      tmux.run("send-keys", "-t", "t", "exit 5", "Enter");
      for (int i = 0; i < 100 && !Files.exists(status); i++) {
        Thread.sleep(100);
      }
      assertThat(status).hasContent("5");
    } finally {
      tmux.killServer();
    }
  }

  @Test
  void scp_bothWays_recursive_delta_andMachineToMachine_keepAwkwardPathsLiteral() throws Exception {
    String awkward = "/tmp/a b; touch pwned; $(touch pwned2) 'q' \"d\"";
    Path local = Files.writeString(dir.resolve("local file"), "payload\n");

    assertOk(machine("scp", local.toString(), "m1:" + awkward));
    assertThat(m1.exec("cat", awkward).stdout()).isEqualTo("payload\n");

    Path back = dir.resolve("back");
    assertOk(machine("scp", "-q", "m1:" + awkward, back.toString()));
    assertThat(back).hasContent("payload\n");

    Path tree = Files.createDirectories(dir.resolve("tree/sub"));
    Files.writeString(tree.resolve("leaf"), "leaf\n");
    assertOk(machine("scp", "-r", dir.resolve("tree").toString(), "m1:/tmp/tree"));
    assertThat(m1.exec("cat", "/tmp/tree/sub/leaf").stdout()).isEqualTo("leaf\n");

    installRsync(m1);
    installRsync(m2);
    assertOk(machine("scp", "-d", "-q", local.toString(), "m2:/tmp/delta copy"));
    assertThat(m2.exec("cat", "/tmp/delta copy").stdout()).isEqualTo("payload\n");
    Path deltaBack = dir.resolve("delta back");
    assertOk(machine("scp", "-d", "-r", "m1:/tmp/tree/", deltaBack.toString()));
    assertThat(deltaBack.resolve("sub/leaf")).hasContent("leaf\n");

    assertOk(machine("scp", "m1:" + awkward, "m2:/tmp/from m1"));
    assertThat(m2.exec("cat", "/tmp/from m1").stdout()).isEqualTo("payload\n");

    for (TestHost host : List.of(m1, m2)) {
      assertThat(host.exec("ls", "-1", "/tmp", "/root", "/home/tester").stdout().lines())
          .doesNotContain("pwned", "pwned2");
    }
  }

  /**
   * rsync -d needs rsync on the machine too, which the test-host image lacks: this machine's own
   * binary (same Debian release) and the one library the image misses are copied in.
   */
  private static void installRsync(TestHost host) throws Exception {
    String popt = "/lib/x86_64-linux-gnu/libpopt.so.0";
    List<String> copy =
        List.of(
            "scp",
            "-q",
            "-i",
            host.privateKey().toString(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "/usr/bin/rsync",
            popt,
            "root@" + host.ip() + ":/tmp/");
    assertThat(new ProcessBuilder(copy).inheritIO().start().waitFor()).isZero();
    host.exec("sh", "-c", "install /tmp/rsync /usr/bin/ && install /tmp/libpopt.so.0 " + popt)
        .orThrow("installing rsync");
  }

  private static void assertOk(Tools.Result result) {
    assertThat(result.exit()).as(result.err() + result.out()).isZero();
  }

  @Test
  void mount_showsTheMachinesFiles_andUnmountReleasesThem() throws Exception {
    m1.exec("sh", "-c", "mkdir -p /srv/data && echo remote > /srv/data/hello").orThrow("setup");
    Path mountPoint = Files.createDirectories(dir.resolve("mnt"));
    try {
      assertOk(machine("mount", "m1:/srv/data", mountPoint.toString()));
      assertThat(mountPoint.resolve("hello")).hasContent("remote");
    } finally {
      assertOk(machine("mount", "-u", "m1:/srv/data", mountPoint.toString()));
    }
    assertThat(mountPoint.resolve("hello")).doesNotExist();
  }

  @Test
  void errors_missingMachine_noneDriver_andChangedHostKey_sayWhatToDo() throws Exception {
    Tools.Result missing = machine("ssh", "nope", "true");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo(
            "Docker machine \"nope\" does not exist. Use \"docker-machine ls\" to list machines."
                + " Use \"docker-machine create\" to add a new one.\n");

    // inside the test network, but nothing has this address (other test JVMs take some)
    try (UnusedAddress nobody = UnusedAddress.reserve()) {
      GenericMachineFixture.save(store, "gone", nobody.ip(), 22, "root", m1.rsaPrivateKey());
      Tools.Result gone = machine("ssh", "gone", "true");
      assertThat(gone.exit()).isEqualTo(1);
      assertThat(gone.err())
          .isEqualTo("Error: Cannot run SSH command: Host \"gone\" is not running\n");
      Tools.Result goneScp = machine("scp", "gone:/etc/hostname", dir.toString());
      assertThat(goneScp.exit()).isEqualTo(1);
      assertThat(goneScp.err()).startsWith("Cannot reach " + nobody.ip() + ":22 over SSH");
    }

    assertOk(machine("ssh", "m1", "true"));
    m1.exec("sh", "-c", "rm /etc/ssh/ssh_host_* && ssh-keygen -A && systemctl restart ssh")
        .orThrow("re-keying");
    Path knownHosts = store.resolve("machines/m1/known_hosts");

    Tools.Result refused = machine("ssh", "m1", "true");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .endsWith(
            "The SSH host key of "
                + m1.ip()
                + ":22 differs from the one pinned in "
                + knownHosts
                + ": if the machine was re-imaged on purpose, delete that file or run with"
                + " --no-host-key-pinning (MACHINE_NO_HOST_KEY_PINNING=true); otherwise someone"
                + " may be intercepting the connection\n");
    Tools.Result scpRefused = machine("scp", dir.resolve("bin").toString(), "m1:/tmp/x");
    assertThat(scpRefused.exit()).isEqualTo(1);
    assertThat(scpRefused.err()).contains("differs from the one pinned in " + knownHosts);
    assertOk(machine("--no-host-key-pinning", "ssh", "m1", "true"));
  }
}
