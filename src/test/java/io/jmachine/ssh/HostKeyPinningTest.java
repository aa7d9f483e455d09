package io.jmachine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust on first use: a machine that shows a new host key later is refused by both clients. */
@TestHosts
class HostKeyPinningTest {
  @TempDir Path dir;

  @Test
  void reimagedHost_isRefusedByBothClients_withTheFixNamed_unlessPinningIsOff(TestHost host)
      throws Exception {
    Map<Clients, SshTarget> targets = new EnumMap<>(Clients.class);
    for (Clients kind : Clients.values()) {
      Path machineDir = Files.createDirectory(dir.resolve(kind.name()));
      SshTarget target = Clients.target(host, "root", host.rsaPrivateKey(), machineDir);
      targets.put(kind, target);
      try (SshClient ssh = kind.open(target)) {
        assertThat(ssh.run("true").exitStatus()).isZero();
      }
    }

    host.exec("sh", "-c", "rm /etc/ssh/ssh_host_* && ssh-keygen -A && systemctl restart ssh")
        .orThrow("re-keying the host");

    for (Clients kind : Clients.values()) {
      SshTarget target = targets.get(kind);
      try (SshClient ssh = kind.open(target)) {
        assertThatThrownBy(() -> ssh.run("true"))
            .as(kind.name())
            .isInstanceOf(SshTransportException.class)
            .hasMessageContaining("differs from the one pinned in " + target.knownHosts())
            .hasMessageContaining("--no-host-key-pinning")
            .hasMessageContaining("MACHINE_NO_HOST_KEY_PINNING=true");
      }
      SshSettings anyKey = new SshSettings(false, Duration.ofSeconds(10));
      try (SshClient ssh = kind.open(target, anyKey, PassphrasePrompt.NONE, "")) {
        assertThat(ssh.run("echo re-imaged").output()).isEqualTo("re-imaged\n");
      }
    }
  }
}
