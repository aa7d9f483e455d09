package io.jmachine.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.ssh.SshResult;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Transient failures retried with backoff; real ones reported with step, command and output. */
class RemoteShellTest {
  private static final String INSTALL =
      "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  docker.io";

  @Test
  void aptLockHeld_waitsUntilItIsFree() {
    FakeMachine m = new FakeMachine(false);
    SshResult locked =
        new SshResult(
            100,
            "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812"
                + " (apt-get)\nE: Unable to acquire the dpkg frontend lock"
                + " (/var/lib/dpkg/lock-frontend), is another process using it?\n");
    m.ssh.onSequence(INSTALL, locked, locked, locked, new SshResult(0, "done\n"));

    String out = m.shell().check("Installing docker.io", INSTALL);

    assertThat(out).isEqualTo("done\n");
    assertThat(m.ssh.commands()).containsExactly(INSTALL, INSTALL, INSTALL, INSTALL);
    assertThat(m.pauses)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(m.info)
        .containsExactly(
            "Another process holds the package manager's lock; waiting for it to finish...");
  }

  @Test
  void lockNeverFreed_givesUpAfterAboutThreeMinutes_withTheLockMessage() {
    FakeMachine m = new FakeMachine(false);
    m.ssh.on(INSTALL, 100, "E: Could not get lock /var/lib/dpkg/lock-frontend\n");

    assertThatThrownBy(() -> m.shell().check("Installing docker.io", INSTALL))
        .hasMessage(
            "step \"Installing docker.io\" failed\n"
                + "command : "
                + INSTALL
                + "\nerr     : exit status 100\n"
                + "output  : E: Could not get lock /var/lib/dpkg/lock-frontend");
    assertThat(m.pauses.stream().mapToLong(Duration::toSeconds).sum()).isBetween(170L, 181L);
  }

  @Test
  void interruptedDpkg_isCompletedThenTheStepRetried() {
    FakeMachine m = new FakeMachine(false);
    m.ssh.onSequence(
        INSTALL,
        new SshResult(
            100,
            "E: dpkg was interrupted, you must manually run 'sudo dpkg --configure -a' to correct"
                + " the problem.\n"),
        new SshResult(0, ""));

    m.shell().check("Installing docker.io", INSTALL);

    assertThat(m.ssh.commands()).containsExactly(INSTALL, "sudo dpkg --configure -a", INSTALL);
  }

  @Test
  void networkError_retriedTwiceWithBackoff_thenReportedWithTheOutputTail() {
    FakeMachine m = new FakeMachine(false);
    String output =
        IntStream.rangeClosed(1, 25).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"))
            + "\ncurl: (7) Failed to connect to 198.51.100.1 port 9: Connection refused\n";
    m.ssh.on("curl x", 7, output);

    assertThatThrownBy(() -> m.shell().check("Fetching", "curl x"))
        .hasMessageStartingWith(
            "step \"Fetching\" failed after 3 attempts\ncommand : curl x\nerr     : exit status 7\n"
                + "output  : (last 20 of 26 lines)\nline 7\n")
        .hasMessageEndingWith(
            "line 25\ncurl: (7) Failed to connect to 198.51.100.1 port 9:" + " Connection refused");
    assertThat(m.ssh.commands()).hasSize(3);
    assertThat(m.pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void realFailure_isNotRetried() {
    FakeMachine m = new FakeMachine(false);
    m.ssh.on("false", 1, "");

    assertThatThrownBy(() -> m.shell().check("Failing", "false"))
        .hasMessage(
            "step \"Failing\" failed\ncommand : false\nerr     : exit status 1\noutput  : (none)");
    assertThat(m.ssh.commands()).hasSize(1);
  }

  @Test
  void droppedConnection_isReopenedAndTheCommandRunAgain() {
    FakeMachine m = new FakeMachine(false);
    m.ssh.dropOn("sudo systemctl daemon-reload", 2);

    m.shell().check("Reloading systemd", "sudo systemctl daemon-reload");

    assertThat(m.ssh.commands()).hasSize(3);
    assertThat(m.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(m.info.get(0))
        .isEqualTo(
            "The SSH connection failed during \"Reloading systemd\" (connection reset by peer);"
                + " reconnecting in 1s...");
  }

  @Test
  void connectionThatKeepsDropping_failsTheStepNamingIt() {
    FakeMachine m = new FakeMachine(false);
    m.ssh.dropOn("sudo systemctl daemon-reload", 10);

    assertThatThrownBy(() -> m.shell().check("Reloading systemd", "sudo systemctl daemon-reload"))
        .hasMessage(
            "step \"Reloading systemd\" failed: the SSH connection failed 3 times\n"
                + "command : sudo systemctl daemon-reload\n"
                + "err     : connection reset by peer");
  }

  @Test
  void fileWrites_showPathsNotContents() {
    FakeMachine m = new FakeMachine(false);
    m.ssh.onContaining("sha256sum", 1, "sh: 1: base64: not found\n");
    var files = java.util.List.of(RemoteFile.of("/etc/docker/ca.pem", "SECRET", "0644"));

    assertThatThrownBy(
            () -> m.shell().check("Copying", RemoteFile.command(files), RemoteFile.shown(files)))
        .hasMessageContaining("command : write /etc/docker/ca.pem (6 bytes)\n")
        .message()
        .doesNotContain("U0VDUkVU");
  }
}
