package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import io.jmachine.testhost.UnusedAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts with Docker already installed: parallel creates, strategy none, daemon failures. */
@TestHosts(count = 5, docker = true)
class PreinstalledDockerEndToEndTest {
  @TempDir Path dir;

  @Test
  void threeCreatesAtOnce_separateProcessesOneStore_allSucceed(List<TestHost> hosts)
      throws Exception {
    Tools.require(Tools.onPath("docker"), "needs the docker CLI");
    MachineCli cli = new MachineCli(dir);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Tools.Result>> creates = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        TestHost host = hosts.get(i);
        String name = "par" + i;
        creates.add(pool.submit(() -> cli.create(host, "root", host.rsaPrivateKey(), name)));
      }
      for (Future<Tools.Result> f : creates) {
        Tools.Result r = f.get();
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("Installing Docker...");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cli.run("ls", "-q").out()).isEqualTo("par0\npar1\npar2\n");
    for (int i = 0; i < 3; i++) {
      Tools.Result session = cli.bash(MachineCli.runContainerScript("par" + i));
      assertThat(session.exit()).as(session.err()).isZero();
      assertThat(session.out()).isEqualTo("hello from par" + i + "\n");
    }
  }

  @Test
  void strategyNone_configuresTheInstalledDocker(List<TestHost> hosts) throws Exception {
    TestHost host = hosts.get(3);
    MachineCli cli = new MachineCli(dir);

    Tools.Result created =
        cli.create(
            host, "tester", host.rsaPrivateKey(), "keep", "--engine-install-strategy", "none");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(created.out())
        .contains("Provisioning with debian...\nCopying certs to the local machine directory...\n");
    assertThat(cli.run("version", "keep").out()).startsWith("20.10.");
  }

  @Test
  void dockerdThatFailsToStart_errorShowsTheDaemonsOwnLog(List<TestHost> hosts) throws Exception {
    TestHost host = hosts.get(4);
    MachineCli cli = new MachineCli(dir);

    Tools.Result created =
        cli.create(host, "root", host.rsaPrivateKey(), "bad", "--engine-opt", "no-such-flag=1");

    assertThat(created.exit()).isEqualTo(1);
    assertThat(created.err())
        .startsWith(
            "Error creating machine: Error running provisioning: step \"Starting Docker\" failed\n"
                + "command : sudo systemctl -f start docker\n"
                + "err     : exit status 1\n")
        .contains("daemon log (sudo journalctl -u docker -n 30 --no-pager):\n")
        .contains("unknown flag: --no-such-flag");
    assertThat(cli.run("ls", "--format", "{{.State}}").out()).isEqualTo("Error\n");
  }

  @Test
  void unreachableHost_failsWithinTheDeadline() throws Exception {
    MachineCli cli = new MachineCli(dir);
    cli.env.put("MACHINE_READINESS_TIMEOUT", "10s");
    Instant start = Instant.now();

    Tools.Result created;
    try (UnusedAddress nobody = UnusedAddress.reserve()) {
      created =
          cli.run(
              "create",
              "-d",
              "generic",
              "--generic-ip-address",
              nobody.ip(),
              "--generic-ssh-key",
              "/var/cache/jmachine-testhost/id_rsa",
              "ghost");
    }

    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
    assertThat(created.exit()).isEqualTo(1);
    assertThat(created.err())
        .isEqualTo(
            "Error creating machine: Error waiting for machine to be running: the machine was"
                + " still Stopped after 10s\n");
  }
}
