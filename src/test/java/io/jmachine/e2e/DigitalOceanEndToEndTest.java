package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.fakes.FakeDigitalOcean;
import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `create -d digitalocean` whole: the fake API "boots" a droplet by letting the uploaded key into a
 * real test host and reporting that host's address, so SSH, provisioning and TLS run for real.
 */
@TestHosts(docker = true)
class DigitalOceanEndToEndTest {
  @TempDir Path dir;
  private FakeDigitalOcean api;

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeDigitalOcean();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void createEnvStopStartRm_dropletIsATestHost_dockerCliReachesItsEngine(TestHost host)
      throws Exception {
    Tools.require(Tools.onPath("docker"), "needs the docker CLI");
    api.pollsUntilAddress(1).machines(publicKey -> CloudMachineChecks.authorize(host, publicKey));
    MachineCli cli = new MachineCli(dir);
    cli.env.put("DIGITALOCEAN_API_URL", api.url());
    cli.env.put("DIGITALOCEAN_ACCESS_TOKEN", FakeDigitalOcean.TOKEN);

    Tools.Result created = cli.run("create", "-d", "digitalocean", "do1");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(created.out())
        .isEqualTo(
            CloudMachineChecks.createOutput(
                cli,
                "do1",
                "(do1) Creating SSH key...\n"
                    + "(do1) Creating Digital Ocean droplet...\n"
                    + "(do1) Waiting for IP address to be assigned to the Droplet...\n"));
    CloudMachineChecks.runsStopsAndStarts(cli, "do1", host);

    api.clearRequests();
    Tools.Result removed = cli.run("rm", "-y", "do1");
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(api.requestLines())
        .containsExactly("DELETE /v2/account/keys/1000", "DELETE /v2/droplets/1001");
    assertThat(api.keys()).isEmpty();
    assertThat(api.droplets()).isEmpty();
  }
}
