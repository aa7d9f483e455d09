package io.jmachine.drivers.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.driver.Driver;
import io.jmachine.driver.MachineState;
import io.jmachine.host.Host;
import io.jmachine.ssh.PassphrasePrompt;
import io.jmachine.ssh.SshClientFactory;
import io.jmachine.ssh.SshReadiness;
import io.jmachine.ssh.SshSettings;
import io.jmachine.ssh.SshTarget;
import io.jmachine.ssh.Terminal;
import io.jmachine.testhost.CommandResult;
import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `restart` of a generic machine is `sudo shutdown -r now` over SSH; the host comes back. */
@TestHosts
class GenericDriverRestartTest {
  private static final Duration REBOOT_DEADLINE = Duration.ofMinutes(3);
  @TempDir Path store;

  @Test
  void restart_rebootsTheMachineOverSsh_andWaitForSshSeesItBack(TestHost host) throws Exception {
    Host saved = GenericMachineFixture.save(store, "g", host, "tester", host.rsaPrivateKey());
    SshClientFactory ssh =
        SshClientFactory.choose(
            false,
            Map.of("PATH", System.getenv("PATH")),
            SshSettings.defaults(true),
            new Terminal(
                InputStream.nullInputStream(),
                new ByteArrayOutputStream(),
                new ByteArrayOutputStream(),
                false),
            PassphrasePrompt.NONE);
    Driver driver =
        new GenericDriverFactory(line -> {}, ssh, PortProbe.TCP).fromJson(saved.driver().toJson());
    host.exec("touch", "/run/before-restart").orThrow("marking this boot");

    driver.restart();

    assertThat(rebooted(host)).as("the host booted again").isNull();
    SshTarget target = SshTarget.of(driver, store.resolve("machines/g"));
    new SshReadiness(ssh, Clock.systemUTC()).waitForSsh(target, Duration.ofMinutes(2));
    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);
  }

  /**
   * Null once a new boot has a fresh /run without the marker, else what the last look saw. A reboot
   * takes seconds, but on a loaded host (several test JVMs booting machines) a boot, and an exec
   * into a host that is going down, can take much longer: the deadline is generous, and an exec
   * that hangs is given up and tried again.
   */
  private static String rebooted(TestHost host) throws InterruptedException {
    Instant deadline = Instant.now().plus(REBOOT_DEADLINE);
    String seen = "nothing";
    while (Instant.now().isBefore(deadline)) {
      try {
        CommandResult run = host.exec(Duration.ofSeconds(30), "ls", "/run");
        if (run.succeeded() && !run.stdout().lines().toList().contains("before-restart")) {
          return null;
        }
        seen = run.toString();
      } catch (IllegalStateException e) {
        seen = e.getMessage();
      }
      Thread.sleep(100);
    }
    return "not rebooted within " + REBOOT_DEADLINE + "; last look: " + seen;
  }
}
