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
    api.pollsUntilAddress(1)
        .machines(
            publicKey -> {
              host.exec(
                      "sh",
                      "-c",
                      "mkdir -p /root/.ssh && printf '%s\\n' \"$1\" >> /root/.ssh/authorized_keys",
                      "sh",
                      publicKey.strip())
                  .orThrow("authorize the droplet key");
              return host.ip();
            });
    MachineCli cli = new MachineCli(dir);
    cli.env.put("DIGITALOCEAN_API_URL", api.url());
    cli.env.put("DIGITALOCEAN_ACCESS_TOKEN", FakeDigitalOcean.TOKEN);

    Tools.Result created = cli.run("create", "-d", "digitalocean", "do1");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    Path certs = cli.store.resolve("certs");
    assertThat(created.out())
        .isEqualTo(
            "Creating CA: "
                + certs.resolve("ca.pem")
                + "\nCreating client certificate: "
                + certs.resolve("cert.pem")
                + "\nRunning pre-create checks...\n"
                + "Creating machine...\n"
                + "(do1) Creating SSH key...\n"
                + "(do1) Creating Digital Ocean droplet...\n"
                + "(do1) Waiting for IP address to be assigned to the Droplet...\n"
                + "Waiting for machine to be running, this may take a few minutes...\n"
                + "Detecting operating system of created instance...\n"
                + "Waiting for SSH to be available...\n"
                + "Detecting the provisioner...\n"
                + "Provisioning with debian...\n"
                + "Copying certs to the local machine directory...\n"
                + "Copying certs to the remote machine...\n"
                + "Setting Docker configuration on the remote daemon...\n"
                + "Checking connection to Docker...\n"
                + "Docker is up and running!\n"
                + "To see how to connect your Docker Client to the Docker Engine running on this"
                + " virtual machine, run: docker-machine env do1\n");
    assertThat(cli.run("url", "do1").out()).isEqualTo("tcp://" + host.ip() + ":2376\n");
    Tools.Result session = cli.bash(MachineCli.runContainerScript("do1"));
    assertThat(session.exit()).as(session.err()).isZero();
    assertThat(session.out()).isEqualTo("hello from do1\n");

    Tools.Result stopped = cli.run("stop", "do1");
    assertThat(stopped.out()).isEqualTo("Stopping \"do1\"...\nMachine \"do1\" was stopped.\n");
    assertThat(cli.run("ls", "--format", "{{.Name}} {{.State}}").out()).isEqualTo("do1 Stopped\n");
    Tools.Result started = cli.run("start", "do1");
    assertThat(started.exit()).as(started.err()).isZero();
    assertThat(started.out()).startsWith("Starting \"do1\"...\nMachine \"do1\" was started.\n");
    assertThat(cli.run("version", "do1").out()).startsWith("20.10.");

    api.clearRequests();
    Tools.Result removed = cli.run("rm", "-y", "do1");
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(api.requestLines())
        .containsExactly("DELETE /v2/account/keys/1000", "DELETE /v2/droplets/1001");
    assertThat(api.keys()).isEmpty();
    assertThat(api.droplets()).isEmpty();
  }
}
