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
    ec2.machineFor(publicKey -> CloudMachineChecks.authorize(host, publicKey));
    MachineCli cli = new MachineCli(dir);
    cli.env.put("AWS_ENDPOINT", ec2.url());
    cli.env.put("AWS_ACCESS_KEY_ID", FakeEc2.ACCESS_KEY);
    cli.env.put("AWS_SECRET_ACCESS_KEY", FakeEc2.SECRET_KEY);
    cli.env.put("AWS_ZONE", "us-east-1a");
    cli.env.put("AWS_SSH_USER", "root");

    Tools.Result created = cli.run("create", "-d", "amazonec2", "aws1");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(created.out())
        .isEqualTo(CloudMachineChecks.createOutput(cli, "aws1", "(aws1) Launching instance...\n"));
    CloudMachineChecks.runsStopsAndStarts(cli, "aws1", host);

    Tools.Result removed = cli.run("rm", "-y", "aws1");
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(ec2.actions()).endsWith("TerminateInstances", "DeleteKeyPair");
    assertThat(ec2.keyPairs()).isEmpty();
  }
}
