package io.jmachine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both clients against a real Debian host with a real sshd. */
@TestHosts
class SshClientsTest {
  @TempDir Path dir;

  private Path key(TestHost host) throws Exception {
    Path copy = dir.resolve("id_rsa");
    Files.copy(host.rsaPrivateKey(), copy);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    return copy;
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void run_remoteCommand_returnsOutputAndExitStatusWithoutFailing(Clients kind, TestHost host)
      throws Exception {
    try (SshClient ssh = kind.open(Clients.target(host, "root", key(host), dir))) {
      SshResult ok = ssh.run("echo out; echo err >&2; hostname");
      SshResult failed = ssh.run("echo before; exit 42");

      assertThat(ok.exitStatus()).isZero();
      assertThat(ok.output()).contains("out\n").contains("err\n").contains(host.name() + "\n");
      assertThat(failed.exitStatus()).isEqualTo(42);
      assertThat(failed.output()).isEqualTo("before\n");
    }
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void firstConnection_pinsTheHostKey_inOpenSshFormat(Clients kind, TestHost host)
      throws Exception {
    try (SshClient ssh = kind.open(Clients.target(host, "tester", key(host), dir))) {
      assertThat(ssh.run("sudo -n true").exitStatus()).isZero();
    }

    Path knownHosts = dir.resolve("known_hosts");
    assertThat(Files.readString(knownHosts)).startsWith(host.ip() + " ecdsa-sha2-nistp256 AAAA");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts)))
        .isEqualTo("rw-------");
    // the system ssh accepts what either client pinned, with strict checking
    String check =
        "ssh-keygen -F " + host.ip() + " -f " + knownHosts + " >/dev/null && echo pinned";
    assertThat(new ProcessBuilder("sh", "-c", check).start().getInputStream().readAllBytes())
        .asString()
        .isEqualTo("pinned\n");
  }

  @Test
  void native_twentyCommands_takeOneHandshake_countedByTheServer(TestHost host) throws Exception {
    SshTarget target = Clients.target(host, "root", key(host), dir);
    int before = Clients.acceptedLogins(host);
    try (SshClient ssh = Clients.NATIVE.open(target)) {
      for (int i = 0; i < 20; i++) {
        assertThat(ssh.run("echo " + i).output()).isEqualTo(i + "\n");
      }
    }

    assertThat(settledLogins(host) - before).isEqualTo(1);
  }

  /** journald may lag a moment behind sshd. */
  private static int settledLogins(TestHost host) throws InterruptedException {
    int count = Clients.acceptedLogins(host);
    for (int i = 0; i < 10; i++) {
      Thread.sleep(200);
      int again = Clients.acceptedLogins(host);
      if (again == count) {
        return count;
      }
      count = again;
    }
    return count;
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void connectionKilledMidCommand_isATransportFailure(Clients kind, TestHost host)
      throws Exception {
    try (SshClient ssh = kind.open(Clients.target(host, "root", key(host), dir))) {
      ssh.run("true");
      CompletableFuture<SshResult> running =
          CompletableFuture.supplyAsync(() -> ssh.run("touch /tmp/started; sleep 60"));
      waitFor(host, "test -e /tmp/started");

      host.exec("pkill", "-KILL", "-f", "^sshd: root@notty").orThrow("killing the session");

      assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SshTransportException.class)
          .cause()
          .hasMessageContaining(host.ip() + ":22");
    } finally {
      host.exec("rm", "-f", "/tmp/started");
    }
  }

  private static void waitFor(TestHost host, String condition) throws InterruptedException {
    for (int i = 0; i < 100 && !host.exec("sh", "-c", condition).succeeded(); i++) {
      Thread.sleep(100);
    }
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void wrongUser_isAnAuthenticationFailure(Clients kind, TestHost host) throws Exception {
    try (SshClient ssh = kind.open(Clients.target(host, "nobody", key(host), dir))) {
      assertThatThrownBy(() -> ssh.run("true"))
          .isInstanceOf(SshTransportException.class)
          .hasMessageContaining("authentication as \"nobody\"")
          .hasMessageContaining("check the machine's SSH user and key");
    }
  }

  @Test
  void native_ecdsaKey_logsIn(TestHost host) throws Exception {
    Path ecdsa = newKey(host, "ecdsa", "");
    try (SshClient ssh = Clients.NATIVE.open(Clients.target(host, "root", ecdsa, dir))) {
      assertThat(ssh.run("echo ecdsa").output()).isEqualTo("ecdsa\n");
    }
  }

  @Test
  void native_passphraseKey_withoutTerminal_failsNamingTheAgent_andWithPassphrase_logsIn(
      TestHost host) throws Exception {
    Path locked = newKey(host, "rsa", "sesame");
    SshTarget target = Clients.target(host, "root", locked, dir);
    try (SshClient ssh = Clients.NATIVE.open(target)) {
      assertThatThrownBy(() -> ssh.run("true"))
          .isInstanceOf(SshTransportException.class)
          .hasMessageContaining("protected by a passphrase")
          .hasMessageContaining("ssh-add " + locked);
    }
    PassphrasePrompt user = key -> java.util.Optional.of("sesame".toCharArray());
    try (SshClient ssh = Clients.NATIVE.open(target, SshSettings.defaults(true), user, "")) {
      assertThat(ssh.run("echo unlocked").output()).isEqualTo("unlocked\n");
    }
  }

  @Test
  void native_noKey_usesTheSshAgent(TestHost host) throws Exception {
    Path socket = dir.resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).start();
    try {
      for (int i = 0; i < 50 && !Files.exists(socket); i++) {
        Thread.sleep(100);
      }
      ProcessBuilder add = new ProcessBuilder("ssh-add", key(host).toString());
      add.environment().put("SSH_AUTH_SOCK", socket.toString());
      assertThat(add.start().waitFor()).isZero();

      SshTarget target = Clients.target(host, "root", null, dir);
      try (SshClient ssh =
          Clients.NATIVE.open(
              target, SshSettings.defaults(true), PassphrasePrompt.NONE, socket.toString())) {
        assertThat(ssh.run("echo agent").output()).isEqualTo("agent\n");
      }
    } finally {
      agent.destroy();
      agent.waitFor();
    }
  }

  @Test
  void native_ed25519Key_logsIn_orSaysWhyItCannot(TestHost host) throws Exception {
    Path ed25519 = newKey(host, "ed25519", "");
    try (SshClient ssh = Clients.NATIVE.open(Clients.target(host, "root", ed25519, dir))) {
      if (org.apache.sshd.common.util.security.SecurityUtils.isEDDSACurveSupported()) {
        assertThat(ssh.run("echo ed25519").output()).isEqualTo("ed25519\n");
      } else {
        assertThatThrownBy(() -> ssh.run("true"))
            .isInstanceOf(SshTransportException.class)
            .hasMessageContaining("Ed25519")
            .hasMessageContaining("leave out --native-ssh");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void pinningOff_acceptsAnyKey_andRecordsNothing(Clients kind, TestHost host) throws Exception {
    Files.writeString(dir.resolve("known_hosts"), host.ip() + " ssh-rsa AAAAB3NzaC1yc2EAAAAD\n");
    SshSettings anyKey = new SshSettings(false, Duration.ofSeconds(10));
    SshTarget target = Clients.target(host, "root", key(host), dir);
    try (SshClient ssh = kind.open(target, anyKey, PassphrasePrompt.NONE, "")) {
      assertThat(ssh.run("echo any").output()).isEqualTo("any\n");
    }
    assertThat(Files.readAllLines(dir.resolve("known_hosts"))).hasSize(1);
  }

  /** A fresh key of a type, authorized for root on the host. */
  private Path newKey(TestHost host, String type, String passphrase) throws Exception {
    Path key = dir.resolve("key-" + type + (passphrase.isEmpty() ? "" : "-locked"));
    Process keygen =
        new ProcessBuilder(
                List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-f", key.toString()))
            .start();
    assertThat(keygen.waitFor()).isZero();
    String publicKey = Files.readString(Path.of(key + ".pub")).strip();
    host.exec("sh", "-c", "echo '" + publicKey + "' >> /root/.ssh/authorized_keys")
        .orThrow("authorizing a key");
    return key;
  }
}
