package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.fakes.FakeEc2;
import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `create -d amazonec2` whole: the fake EC2 "boots" an instance by letting the imported key pair
 * into a real test host and reporting that host's address as the public IP, so SSH, provisioning
 * and TLS run for real.
 */
@TestHosts(docker = true)
class AmazonEc2EndToEndTest {
  @TempDir Path dir;
  private FakeEc2 ec2;

  @BeforeEach
  void startApi() throws Exception {
    ec2 = new FakeEc2();
  }

  @AfterEach
  void stopApi() {
    ec2.close();
  }

  @Test
  void createEnvStopStartRm_instanceIsATestHost_dockerCliReachesItsEngine(TestHost host)
      throws Exception {
    Tools.require(Tools.onPath("docker"), "needs the docker CLI");
    ec2.machineFor(
        publicKey -> {
          host.exec(
                  "sh",
                  "-c",
                  "mkdir -p /root/.ssh && printf '%s\\n' \"$1\" >> /root/.ssh/authorized_keys",
                  "sh",
                  publicKey.strip())
              .orThrow("authorize the instance's key pair");
          return host.ip();
        });
    MachineCli cli = new MachineCli(dir);
    cli.env.put("AWS_ENDPOINT", ec2.url());
    cli.env.put("AWS_ACCESS_KEY_ID", FakeEc2.ACCESS_KEY);
    cli.env.put("AWS_SECRET_ACCESS_KEY", FakeEc2.SECRET_KEY);
    cli.env.put("AWS_ZONE", "us-east-1a");
    cli.env.put("AWS_SSH_USER", "root");

    Tools.Result created = cli.run("create", "-d", "amazonec2", "aws1");

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
                + "(aws1) Launching instance...\n"
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
                + " virtual machine, run: docker-machine env aws1\n");
    assertThat(cli.run("url", "aws1").out()).isEqualTo("tcp://" + host.ip() + ":2376\n");
    Tools.Result session = cli.bash(MachineCli.runContainerScript("aws1"));
    assertThat(session.exit()).as(session.err()).isZero();
    assertThat(session.out()).isEqualTo("hello from aws1\n");

    Tools.Result stopped = cli.run("stop", "aws1");
    assertThat(stopped.out()).isEqualTo("Stopping \"aws1\"...\nMachine \"aws1\" was stopped.\n");
    assertThat(cli.run("ls", "--format", "{{.Name}} {{.State}}").out()).isEqualTo("aws1 Stopped\n");
    Tools.Result started = cli.run("start", "aws1");
    assertThat(started.exit()).as(started.err()).isZero();
    assertThat(started.out()).startsWith("Starting \"aws1\"...\nMachine \"aws1\" was started.\n");
    assertThat(cli.run("version", "aws1").out()).startsWith("20.10.");

    Tools.Result removed = cli.run("rm", "-y", "aws1");
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(ec2.actions()).endsWith("TerminateInstances", "DeleteKeyPair");
    assertThat(ec2.keyPairs()).isEmpty();
  }
}
