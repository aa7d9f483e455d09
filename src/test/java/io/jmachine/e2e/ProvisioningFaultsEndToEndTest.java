package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package-manager lock held during create, and the SSH connection killed mid-provisioning. */
@TestHosts(count = 2)
class ProvisioningFaultsEndToEndTest {
  private static final String HOLD_DPKG_LOCK =
      "perl -e 'use Fcntl; open(my $f, \">>\", \"/var/lib/dpkg/lock-frontend\") or die;"
          + " my $lock = pack(\"s s x4 q q i x4\", F_WRLCK, 0, 0, 0, 0);"
          + " fcntl($f, F_SETLKW, $lock) or die; sleep 45' >/dev/null 2>&1 &";
  @TempDir Path dir;

  @Test
  void aptLockHeldDuringCreate_waitsForIt_andSucceeds(List<TestHost> hosts) throws Exception {
    TestHost host = hosts.get(0);
    MachineCli cli = new MachineCli(dir);
    host.exec("sh", "-c", HOLD_DPKG_LOCK).orThrow("holding the dpkg lock");
    assertThat(host.exec("sh", "-c", "sleep 1; apt-get install -y docker.io").stderr())
        .contains("Could not get lock /var/lib/dpkg/lock-frontend");

    Tools.Result created =
        cli.create(
            host, "root", host.rsaPrivateKey(), "locked", "--engine-install-strategy", "distro");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(created.out())
        .contains(
            "Installing Docker...\n"
                + "Another process holds the package manager's lock; waiting for it to finish...\n");
    assertThat(cli.run("version", "locked").out()).startsWith("20.10.");
  }

  @Test
  void sshSessionKilledMidProvisioning_isRetriedOrReported_andProvisionRecovers(
      List<TestHost> hosts) throws Exception {
    TestHost host = hosts.get(1);
    MachineCli cli = new MachineCli(dir);
    List<String> argv = new ArrayList<>();
    argv.add(cli.bin.toString());
    argv.addAll(
        MachineCli.createArgs(
            host, "root", host.rsaPrivateKey(), "cut", "--engine-install-strategy", "distro"));
    CompletableFuture<Tools.Result> create =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Tools.run(argv, cli.dir, cli.env, MachineCli.TIMEOUT_SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    // cut every SSH session once the package installation runs
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    boolean cut = false;
    while (!cut && Instant.now().isBefore(deadline) && !create.isDone()) {
      if (host.exec("pgrep", "-x", "dpkg").succeeded()) {
        host.exec("pkill", "-f", "sshd: root@notty");
        cut = true;
      } else {
        Thread.sleep(200);
      }
    }
    assertThat(cut).as("dpkg never ran during create").isTrue();
    Tools.Result result = create.get();

    // either the retry finished the job, or the failure is a clear message
    if (result.exit() != 0) {
      assertThat(result.err()).startsWith("Error creating machine: ");
      assertThat(cli.run("ls", "--format", "{{.Name}} {{.State}}").out()).isEqualTo("cut Error\n");
      Tools.Result provisioned = cli.run("provision", "cut");
      assertThat(provisioned.exit()).as(provisioned.out() + provisioned.err()).isZero();
    } else {
      assertThat(result.out()).contains("The SSH connection failed during");
    }
    assertThat(cli.run("inspect", "--format", "{{.Name}}", "cut").out()).isEqualTo("cut\n");
    assertThat(cli.run("ls", "--format", "{{.Name}} {{.State}} {{.Error}}").out())
        .isEqualTo("cut Running \n");
    assertThat(cli.run("version", "cut").out()).startsWith("20.10.");
  }
}
