package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing Docker on hosts without internet: a pinned version from the distribution's cached
 * packages, and an install URL that cannot be reached, reported clearly and recoverable.
 */
@TestHosts(count = 2)
class InstallStrategiesEndToEndTest {
  @TempDir Path dir;

  @Test
  void pinnedVersion_installsThatVersion_andUpgradeKeepsIt(List<TestHost> hosts) throws Exception {
    TestHost host = hosts.get(0);
    MachineCli cli = new MachineCli(dir);

    Tools.Result created =
        cli.create(
            host,
            "root",
            host.rsaPrivateKey(),
            "pinned",
            "--engine-install-strategy",
            "version:20.10.24");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(host.exec("docker", "--version").stdout()).startsWith("Docker version 20.10.24+");
    assertThat(Files.readString(cli.store.resolve("machines/pinned/config.json")))
        .contains("\"InstallStrategy\": \"version:20.10.24\"");
    Tools.Result version = cli.run("version", "pinned");
    assertThat(version.out()).startsWith("20.10.24");

    Tools.Result upgraded = cli.run("upgrade", "pinned");
    assertThat(upgraded.exit()).as(upgraded.err()).isZero();
    assertThat(host.exec("docker", "--version").stdout()).startsWith("Docker version 20.10.24+");
  }

  @Test
  void unreachableInstallUrl_failsNamingTheStepAndCommand_thenRmRecovers(List<TestHost> hosts)
      throws Exception {
    TestHost host = hosts.get(1);
    MachineCli cli = new MachineCli(dir);
    String url = "http://198.51.100.1:9/install.sh";

    Tools.Result created =
        cli.create(host, "root", host.rsaPrivateKey(), "broken", "--engine-install-url", url);

    assertThat(created.exit()).isEqualTo(1);
    assertThat(created.err())
        .startsWith(
            "Error creating machine: Error running provisioning: step \"Installing Docker with"
                + " the script from "
                + url
                + "\" failed after 3 attempts\n"
                + "command : T=$(mktemp) || exit 1; curl -fsSL "
                + url
                + " -o \"$T\" && sh \"$T\"; S=$?; rm -f \"$T\"; exit $S\n"
                + "err     : exit status 7\n"
                + "output  : curl: (7) Failed to connect to 198.51.100.1 port 9");
    assertThat(created.out()).contains("failed with a network error; retrying in 2s");
    assertThat(host.exec("sh", "-c", "command -v docker || echo absent").stdout())
        .isEqualTo("absent\n");

    // the machine stays, in Error, its config intact; rm removes it
    Tools.Result ls = cli.run("ls", "--format", "{{.Name}} {{.State}} {{.Error}}");
    assertThat(ls.out())
        .startsWith(
            "broken Error Provisioning failed: Error creating machine: Error running"
                + " provisioning: step \"Installing Docker with the script from "
                + url
                + "\" failed after 3 attempts; run `docker-machine provision broken` to finish it"
                + " or `docker-machine rm broken`\n");
    Tools.Result inspect = cli.run("inspect", "--format", "{{.Driver.IPAddress}}", "broken");
    assertThat(inspect.out()).isEqualTo(host.ip() + "\n");
    Tools.Result rm = cli.run("rm", "-y", "broken");
    assertThat(rm.exit()).as(rm.err()).isZero();
    assertThat(cli.run("ls", "-q").out()).isEmpty();
  }
}
