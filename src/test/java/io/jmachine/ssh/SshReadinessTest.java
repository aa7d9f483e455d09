package io.jmachine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import io.jmachine.testhost.UnusedAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Waiting for SSH and failing clearly. The unreachable address lies inside the test network
 * (198.51.100.0/25, on the harness bridge) but belongs to no host, so nothing answers it: one that
 * is unused at the time, as other test JVMs take addresses of that network too.
 */
@TestHosts
class SshReadinessTest {
  private static UnusedAddress nobody;
  @TempDir Path dir;

  @BeforeAll
  static void reserveAnUnusedAddress() {
    nobody = UnusedAddress.reserve();
  }

  @AfterAll
  static void release() {
    if (nobody != null) {
      nobody.close();
    }
  }

  private static SshConnector connector(Clients kind) {
    return kind::open;
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void waitForSsh_runningHost_returnsAtOnce(Clients kind, TestHost host) {
    SshTarget target = Clients.target(host, "root", host.rsaPrivateKey(), dir);
    long started = System.nanoTime();

    new SshReadiness(connector(kind), Clock.systemUTC()).waitForSsh(target, Duration.ofSeconds(30));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void waitForSsh_unreachableHost_failsWithinItsDeadline(Clients kind, TestHost host) {
    SshTarget target =
        new SshTarget(nobody.ip(), 22, "root", host.rsaPrivateKey(), dir.resolve("kh"));
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                new SshReadiness(connector(kind), Clock.systemUTC())
                    .waitForSsh(target, Duration.ofSeconds(4)))
        .isInstanceOf(SshTransportException.class)
        .hasMessageStartingWith("Timed out after 4 s waiting for SSH on " + nobody.ip() + ":22");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void run_unreachableHost_saysSo(Clients kind, TestHost host) {
    SshTarget target =
        new SshTarget(nobody.ip(), 22, "root", host.rsaPrivateKey(), dir.resolve("kh"));
    SshSettings quick = new SshSettings(true, Duration.ofSeconds(3));
    try (SshClient ssh = kind.open(target, quick, PassphrasePrompt.NONE, "")) {
      assertThatThrownBy(() -> ssh.run("true"))
          .isInstanceOf(SshTransportException.class)
          .hasMessage(
              "Cannot reach "
                  + nobody.ip()
                  + ":22 over SSH: no answer within 3 s; check that the machine is up and its"
                  + " address is right");
    }
  }

  @ParameterizedTest
  @EnumSource(Clients.class)
  void run_closedPort_isRefused(Clients kind, TestHost host) {
    SshTarget target =
        new SshTarget(host.ip(), 2222, "root", host.rsaPrivateKey(), dir.resolve("kh"));
    try (SshClient ssh = kind.open(target)) {
      assertThatThrownBy(() -> ssh.run("true"))
          .isInstanceOf(SshTransportException.class)
          .hasMessageContaining("refused");
    }
  }
}
