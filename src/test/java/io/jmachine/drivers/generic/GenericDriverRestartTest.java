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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `restart` of a generic machine is `sudo shutdown -r now` over SSH; the host comes back. */
@TestHosts
class GenericDriverRestartTest {
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

    assertThat(rebooted(host)).as("the host booted again").isTrue();
    SshTarget target = SshTarget.of(driver, store.resolve("machines/g"));
    new SshReadiness(ssh, Clock.systemUTC()).waitForSsh(target, Duration.ofSeconds(90));
    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);
  }

  /** A new boot has a fresh /run without the marker; polls for up to a minute. */
  private static boolean rebooted(TestHost host) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      CommandResult run = host.exec("ls", "/run");
      if (run.succeeded() && !run.stdout().lines().toList().contains("before-restart")) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
