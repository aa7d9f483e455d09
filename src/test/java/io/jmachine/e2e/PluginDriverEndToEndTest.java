package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.gob.GoFixtures;
import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine created, used and removed through a driver plugin binary: the Go test plugin
 * docker-machine-driver-sshtest (src/test/go), on PATH, pointed at a test host with Docker.
 */
@TestHosts(count = 1, docker = true)
class PluginDriverEndToEndTest {
  @TempDir Path dir;

  @Test
  void createThroughPlugin_thenEnvLsRm_workLikeABuiltInDriver(List<TestHost> hosts)
      throws Exception {
    Tools.require(Tools.onPath("docker"), "needs the docker CLI");
    TestHost host = hosts.get(0);
    MachineCli cli = new MachineCli(dir);
    Files.createSymbolicLink(
        dir.resolve("docker-machine-driver-sshtest"),
        GoFixtures.binary("docker-machine-driver-sshtest"));
    Path pids = dir.resolve("plugin-pids");
    cli.env.put("SSHTEST_PIDFILE", pids.toString());

    Tools.Result created =
        cli.run(
            "create",
            "-d",
            "sshtest",
            "--sshtest-ip-address",
            host.ip(),
            "--sshtest-ssh-port",
            String.valueOf(host.sshPort()),
            "--sshtest-ssh-key",
            host.rsaPrivateKey().toString(),
            "plug");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(MachineCli.lines(created.out()))
        .containsSubsequence(
            "Running pre-create checks...",
            "Creating machine...",
            "(plug) Importing SSH key...",
            "Waiting for machine to be running, this may take a few minutes...",
            "Detecting operating system of created instance...",
            "Provisioning with debian...",
            "Docker is up and running!");
    Path machine = cli.store.resolve("machines/plug");
    assertThat(Files.readString(machine.resolve("id_rsa")))
        .isEqualTo(Files.readString(host.rsaPrivateKey()));
    assertThat(Files.readString(machine.resolve("config.json")))
        .contains("\"DriverName\": \"sshtest\"")
        .contains("\"SSHKeyPath\": \"" + machine.resolve("id_rsa") + "\"");

    Tools.Result session = cli.bash(MachineCli.runContainerScript("plug"));
    assertThat(session.exit()).as(session.err()).isZero();
    assertThat(session.out()).isEqualTo("hello from plug\n");

    Tools.Result listed =
        cli.run("ls", "--format", "{{.Name}} {{.DriverName}} {{.State}} {{.URL}}");
    assertThat(listed.out()).isEqualTo("plug sshtest Running tcp://" + host.ip() + ":2376\n");

    Tools.Result ssh = cli.run("ssh", "plug", "hostname");
    assertThat(ssh.out()).isEqualTo("plug\n");

    Tools.Result removed = cli.run("rm", "-y", "plug");
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(machine).doesNotExist();

    for (String pid : Files.readAllLines(pids)) {
      assertThat(ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive))
          .as("plugin process " + pid)
          .isEqualTo(Optional.empty());
    }
    assertThat(Files.readAllLines(pids)).hasSizeGreaterThanOrEqualTo(5);
  }
}
