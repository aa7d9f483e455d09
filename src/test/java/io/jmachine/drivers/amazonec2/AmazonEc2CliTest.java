package io.jmachine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cli.CliRunner;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.fakes.FakeEc2;
import io.jmachine.host.Host;
import io.jmachine.host.HostOptions;
import io.jmachine.store.FileMachineStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** amazonec2 machines through the CLI, against a fake EC2 API on loopback, with exact outputs. */
class AmazonEc2CliTest {
  @TempDir Path home;
  private Path store;
  private FakeEc2 ec2;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    store = home.resolve("store");
    ec2 = new FakeEc2();
    cli = new CliRunner(store).env("AWS_ENDPOINT", ec2.url());
  }

  @AfterEach
  void tearDown() {
    ec2.close();
  }

  /** A machine as create leaves it, for instance {@code instanceId}. */
  private void saveMachine(String name, String instanceId) throws Exception {
    DriverRegistry registry =
        new DriverRegistry(List.of(new AmazonEc2DriverFactory(line -> {}, v -> null)));
    FileMachineStore machines = new FileMachineStore(store, registry);
    Files.createDirectories(machines.machineDir(name));
    Map<String, Object> blob = new LinkedHashMap<>();
    blob.put("IPAddress", "198.51.100.9");
    blob.put("MachineName", name);
    blob.put("SSHUser", "ubuntu");
    blob.put("SSHPort", 22);
    blob.put("StorePath", store.toString());
    blob.put("AccessKey", FakeEc2.ACCESS_KEY);
    blob.put("SecretKey", FakeEc2.SECRET_KEY);
    blob.put("KeyName", name);
    blob.put("InstanceId", instanceId);
    blob.put("RetryCount", 5);
    blob.put("Endpoint", ec2.url());
    machines.save(
        new Host(
            name,
            registry.load("amazonec2", name, blob),
            "amazonec2",
            HostOptions.fromJson(Map.of())));
  }

  @Test
  void createHelp_amazonec2_mergesItsFlagsWithTheSharedOnesSorted() throws Exception {
    String expected =
        new String(
            getClass().getResourceAsStream("/amazonec2/create-help.txt").readAllBytes(),
            StandardCharsets.UTF_8);

    CliRunner.Result r = cli.run("create", "-d", "amazonec2", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(expected);
    assertThat(ec2.requests()).isEmpty();
  }

  @Test
  void create_withoutCredentials_failsBeforeAnythingIsDone() {
    CliRunner.Result r = cli.run("create", "-d", "amazonec2", "aws1");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "Error setting machine configuration from flags provided: amazonec2 driver requires"
                + " AWS credentials configured with the --amazonec2-access-key and"
                + " --amazonec2-secret-key options, environment variables, ~/.aws/credentials, or"
                + " an instance role\n");
    assertThat(Files.exists(store.resolve("machines/aws1"))).isFalse();
    assertThat(ec2.requests()).isEmpty();
  }

  @Test
  void create_keyPairTaken_failsThePreCreateCheckWithExit3() {
    ec2.addKeyPair("aws1");

    CliRunner.Result r =
        cli.env("AWS_ACCESS_KEY_ID", FakeEc2.ACCESS_KEY)
            .env("AWS_SECRET_ACCESS_KEY", FakeEc2.SECRET_KEY)
            .run("create", "-d", "amazonec2", "aws1");

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out())
        .isEqualTo(
            "Creating CA: "
                + store.resolve("certs/ca.pem")
                + "\nCreating client certificate: "
                + store.resolve("certs/cert.pem")
                + "\nRunning pre-create checks...\n");
    assertThat(r.err())
        .isEqualTo(
            "Error with pre-create check: \"There is already a keypair with the name aws1.  Please"
                + " either remove that keypair or use a different machine name.\"\n");
    assertThat(ec2.actions()).containsExactly("DescribeAccountAttributes", "DescribeKeyPairs");
    assertThat(Files.exists(store.resolve("machines/aws1"))).isFalse();
  }

  @Test
  void create_runInstancesRefused_cleansUpAndKeepsTheMachineForRm() throws Exception {
    ec2.failNext(
        "RunInstances", 400, "InvalidAMIID.NotFound", "The image id '[ami-1]' does not exist");

    CliRunner.Result created =
        cli.run(
            "create",
            "-d",
            "amazonec2",
            "--amazonec2-access-key",
            FakeEc2.ACCESS_KEY,
            "--amazonec2-secret-key",
            FakeEc2.SECRET_KEY,
            "--amazonec2-ami",
            "ami-1",
            "--amazonec2-zone",
            "us-east-1a",
            "aws1");

    assertThat(created.exit()).isEqualTo(1);
    assertThat(created.out())
        .endsWith(
            "Running pre-create checks...\nCreating machine...\n(aws1) Launching instance...\n"
                + "(aws1) Missing instance ID, this is likely due to a failure during machine"
                + " creation\n");
    assertThat(created.err())
        .isEqualTo(
            "Error creating machine: Error in driver during machine creation: Error launching"
                + " instance: InvalidAMIID.NotFound: The image id '[ami-1]' does not exist\n");
    assertThat(ec2.keyPairs()).isEmpty();
    assertThat(Files.exists(store.resolve("machines/aws1/config.json"))).isTrue();

    CliRunner.Result removed = cli.run("rm", "-y", "aws1");

    assertThat(removed.exit()).isZero();
    assertThat(Files.exists(store.resolve("machines/aws1"))).isFalse();
  }

  @Test
  void create_spotRequestClosedByEc2_reportsTheWaiterErrorAndLeavesNoOpenRequest()
      throws Exception {
    ec2.spotOutcome(0, "closed", "bad-parameters");

    CliRunner.Result created =
        cli.run(
            "create",
            "-d",
            "amazonec2",
            "--amazonec2-access-key",
            FakeEc2.ACCESS_KEY,
            "--amazonec2-secret-key",
            FakeEc2.SECRET_KEY,
            "--amazonec2-zone",
            "us-east-1a",
            "--amazonec2-request-spot-instance",
            "--amazonec2-spot-price",
            "0.05",
            "aws1");

    assertThat(created.exit()).isEqualTo(1);
    assertThat(created.out())
        .endsWith(
            "Running pre-create checks...\nCreating machine...\n(aws1) Launching instance...\n"
                + "(aws1) Waiting for spot instance...\n"
                + "(aws1) Missing instance ID, this is likely due to a failure during machine"
                + " creation\n");
    assertThat(created.err())
        .isEqualTo(
            "Error creating machine: Error in driver during machine creation: Error fulfilling"
                + " spot request: ResourceNotReady: failed waiting for successful resource"
                + " state\n");
    assertThat(ec2.only("RequestSpotInstances")).containsEntry("SpotPrice", "0.05");
    assertThat(ec2.actions())
        .endsWith(
            "RequestSpotInstances",
            "DescribeSpotInstanceRequests",
            "CancelSpotInstanceRequests",
            "DescribeSpotInstanceRequests",
            "DeleteKeyPair");
    assertThat(ec2.spotRequests())
        .singleElement()
        .satisfies(r -> assertThat(r.state).isEqualTo("closed"));
    assertThat(ec2.keyPairs()).isEmpty();
    assertThat(Files.readString(store.resolve("machines/aws1/config.json")))
        .contains("\"RequestSpotInstance\": true,\n        \"SpotPrice\": \"0.05\",");

    CliRunner.Result removed = cli.run("rm", "-y", "aws1");

    assertThat(removed.exit()).isZero();
    assertThat(Files.exists(store.resolve("machines/aws1"))).isFalse();
  }

  @Test
  void ls_instanceStates_showAsDockerMachineShowsThem() throws Exception {
    ec2.addInstance("i-a", "pending", "");
    ec2.addInstance("i-b", "stopped", "");
    ec2.addInstance("i-d", "terminated", "");
    saveMachine("a", "i-a");
    saveMachine("b", "i-b");
    saveMachine("c", "i-c");
    saveMachine("d", "i-d");

    CliRunner.Result r = cli.run("ls");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "NAME   ACTIVE   DRIVER      STATE      URL   SWARM   DOCKER    ERRORS\n"
                + "a      -        amazonec2   Starting                 Unknown   \n"
                + "b      -        amazonec2   Stopped                  Unknown   \n"
                + "c      -        amazonec2   Error                    Unknown   "
                + "InvalidInstanceID.NotFound: The instance ID 'i-c' does not exist\n"
                + "d      -        amazonec2   Error                    Unknown   \n");
  }

  @Test
  void inspect_amazonec2Machine_showsTheDriverBlob() throws Exception {
    saveMachine("aws1", "i-1");

    CliRunner.Result r =
        cli.run(
            "inspect",
            "-f",
            "{{.DriverName}} {{.Driver.InstanceId}} {{.Driver.Region}} {{.Driver.InstanceType}}"
                + " {{.Driver.SecurityGroupNames}} {{.Driver.RootSize}}",
            "aws1");

    assertThat(r.out()).isEqualTo("amazonec2 i-1 us-east-1 t2.micro [docker-machine] 16\n");
    assertThat(ec2.requests()).isEmpty();
  }

  @Test
  void stop_runningInstance_stopsItOnce() throws Exception {
    ec2.addInstance("i-1", "running", "198.51.100.9");
    saveMachine("aws1", "i-1");

    CliRunner.Result stopped = cli.run("stop", "aws1");
    CliRunner.Result stoppedAgain = cli.run("stop", "aws1");

    assertThat(stopped.exit()).isZero();
    assertThat(stopped.out()).isEqualTo("Stopping \"aws1\"...\nMachine \"aws1\" was stopped.\n");
    assertThat(stoppedAgain.exit()).isEqualTo(1);
    assertThat(stoppedAgain.err()).isEqualTo("Machine \"aws1\" is already stopped.\n");
    assertThat(ec2.requests().stream().map(Object::toString))
        .containsExactly(
            "DescribeInstances {InstanceId.1=i-1}",
            "StopInstances {InstanceId.1=i-1, Force=false}",
            "DescribeInstances {InstanceId.1=i-1}",
            "DescribeInstances {InstanceId.1=i-1}");
  }

  @Test
  void start_stoppedInstance_startsItThenWaitsForSsh() throws Exception {
    ec2.addInstance("i-1", "stopped", "198.51.100.9");
    saveMachine("aws1", "i-1");

    CliRunner.Result r = cli.run("start", "aws1");

    // the machine has no key file here, so the SSH wait after start fails before connecting
    assertThat(r.out())
        .isEqualTo(
            "Starting \"aws1\"...\nMachine \"aws1\" was started.\n"
                + "Waiting for SSH to be available...\n");
    assertThat(r.err())
        .isEqualTo(
            "stat " + store.resolve("machines/aws1/id_rsa") + ": no such file or directory\n");
    assertThat(ec2.actions()).startsWith("DescribeInstances", "StartInstances");
    assertThat(ec2.instance("i-1").state).isEqualTo("running");
  }

  @Test
  void rm_instance_terminatesItAndDeletesTheKeyPair() throws Exception {
    ec2.addInstance("i-1", "running", "198.51.100.9");
    ec2.addKeyPair("aws1");
    saveMachine("aws1", "i-1");

    CliRunner.Result r = cli.run("rm", "-y", "aws1");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "About to remove aws1\n"
                + "WARNING: This action will delete both local reference and remote instance.\n"
                + "Successfully removed aws1\n");
    assertThat(ec2.actions()).containsExactly("TerminateInstances", "DeleteKeyPair");
    assertThat(ec2.keyPairs()).isEmpty();
    assertThat(Files.exists(store.resolve("machines/aws1"))).isFalse();
  }
}
