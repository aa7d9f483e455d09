package io.jmachine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFlag;
import io.jmachine.driver.DriverOptions;
import io.jmachine.error.MachineException;
import io.jmachine.fakes.FakeEc2;
import io.jmachine.machine.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --amazonec2-request-spot-instance against a fake EC2 Query API, through the real AWS SDK. */
class AmazonEc2SpotDriverTest {
  private static final List<String> UP_TO_THE_LAUNCH =
      List.of(
          "DescribeAccountAttributes",
          "DescribeKeyPairs",
          "DescribeSubnets",
          "DescribeKeyPairs",
          "ImportKeyPair",
          "DescribeSecurityGroups",
          "CreateSecurityGroup",
          "DescribeSecurityGroups",
          "AuthorizeSecurityGroupIngress");

  @TempDir Path store;
  private final List<String> info = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private Sleeper sleeper = sleeps::add;
  private FakeEc2 ec2;

  @BeforeEach
  void startApi() throws Exception {
    ec2 = new FakeEc2();
    env.put("HOME", store.toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
  }

  @AfterEach
  void stopApi() {
    ec2.close();
  }

  private AmazonEc2DriverFactory factory() {
    return new AmazonEc2DriverFactory(
        info::add,
        settings -> new SdkEc2Api(settings, new AwsCredentialSources(settings, env::get)),
        d -> sleeper.sleep(d));
  }

  private Driver configured(Map<String, Object> overrides) throws Exception {
    Map<String, Object> values = new HashMap<>();
    for (DriverFlag flag : factory().createFlags()) {
      values.put(flag.name(), flag.defaultValue());
    }
    values.put("swarm-master", false);
    values.put("swarm-host", "tcp://0.0.0.0:3376");
    values.put("swarm-discovery", "");
    values.put("amazonec2-access-key", FakeEc2.ACCESS_KEY);
    values.put("amazonec2-secret-key", FakeEc2.SECRET_KEY);
    values.put("amazonec2-endpoint", ec2.url());
    values.put("amazonec2-zone", "us-east-1a");
    values.put("amazonec2-request-spot-instance", true);
    values.putAll(overrides);
    Files.createDirectories(store.resolve("machines/aws1"));
    Driver driver = factory().newDriver("aws1", store.toString());
    driver.setConfigFromFlags(new DriverOptions(values));
    driver.preCreateCheck();
    return driver;
  }

  private Driver loadedSpotMachine(String instanceId) {
    Map<String, Object> blob = new LinkedHashMap<>();
    blob.put("MachineName", "aws1");
    blob.put("StorePath", store.toString());
    blob.put("AccessKey", FakeEc2.ACCESS_KEY);
    blob.put("SecretKey", FakeEc2.SECRET_KEY);
    blob.put("KeyName", "aws1");
    blob.put("InstanceId", instanceId);
    blob.put("RequestSpotInstance", true);
    blob.put("Endpoint", ec2.url());
    blob.put("RetryCount", 5);
    return factory().fromJson(blob);
  }

  private static List<String> actions(List<String> tail, String... more) {
    List<String> all = new ArrayList<>(tail);
    all.addAll(List.of(more));
    return all;
  }

  /** No request EC2 could still fulfil, and no instance left running. */
  private void assertNothingLeftBehind() {
    assertThat(ec2.spotRequests())
        .allSatisfy(r -> assertThat(r.state).isIn("cancelled", "closed", "failed"));
    assertThat(ec2.keyPairs()).isEmpty();
  }

  @Test
  void create_requestOpenForTwoPolls_waitsThenTagsTheInstanceItLaunched() throws Exception {
    ec2.spotOutcome(2, "active", "fulfilled");
    Driver driver = configured(Map.of());

    driver.create();

    assertThat(ec2.actions())
        .containsExactlyElementsOf(
            actions(
                UP_TO_THE_LAUNCH,
                "RequestSpotInstances",
                "DescribeSpotInstanceRequests",
                "DescribeSpotInstanceRequests",
                "DescribeSpotInstanceRequests",
                "DescribeSpotInstanceRequests",
                "DescribeInstances",
                "DescribeInstances",
                "DescribeInstances",
                "CreateTags"));
    assertThat(info)
        .containsExactly(
            "(aws1) Launching instance...",
            "(aws1) Waiting for spot instance...",
            "(aws1) Created spot instance request sir-00000002");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15));
    String instanceId = ec2.spotRequest("sir-00000002").instanceId;
    assertThat(driver.toJson())
        .containsEntry("InstanceId", instanceId)
        .containsEntry("IPAddress", "198.51.100.200")
        .containsEntry("RequestSpotInstance", true);
    assertThat(ec2.tags(instanceId)).containsExactlyEntriesOf(Map.of("Name", "aws1"));
    assertThat(ec2.spotRequest("sir-00000002").state).isEqualTo("active");
  }

  @Test
  void create_spotFlags_reachRequestSpotInstancesWithTheLaunchSpecification() throws Exception {
    configured(
            Map.of(
                "amazonec2-spot-price",
                "0.12",
                "amazonec2-block-duration-minutes",
                60,
                "amazonec2-instance-type",
                "m5.large",
                "amazonec2-monitoring",
                true))
        .create();

    assertThat(ec2.only("RequestSpotInstances"))
        .containsExactlyInAnyOrderEntriesOf(
            linked(
                "SpotPrice", "0.12",
                "InstanceCount", "1",
                "BlockDurationMinutes", "60",
                "LaunchSpecification.ImageId", "ami-927185ef",
                "LaunchSpecification.Placement.AvailabilityZone", "us-east-1a",
                "LaunchSpecification.KeyName", "aws1",
                "LaunchSpecification.InstanceType", "m5.large",
                "LaunchSpecification.NetworkInterface.1.DeviceIndex", "0",
                "LaunchSpecification.NetworkInterface.1.SubnetId", "subnet-1111aaaa",
                "LaunchSpecification.NetworkInterface.1.AssociatePublicIpAddress", "true",
                "LaunchSpecification.NetworkInterface.1.SecurityGroupId.1", "sg-00000001",
                "LaunchSpecification.Monitoring.Enabled", "true",
                "LaunchSpecification.IamInstanceProfile.Name", "",
                "LaunchSpecification.EbsOptimized", "false",
                "LaunchSpecification.BlockDeviceMapping.1.DeviceName", "/dev/sda1",
                "LaunchSpecification.BlockDeviceMapping.1.Ebs.VolumeSize", "16",
                "LaunchSpecification.BlockDeviceMapping.1.Ebs.VolumeType", "gp2",
                "LaunchSpecification.BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true",
                "LaunchSpecification.UserData", ""));
  }

  @Test
  void create_blockDurationZero_asksForNoDuration() throws Exception {
    configured(Map.of()).create();

    assertThat(ec2.only("RequestSpotInstances"))
        .containsEntry("SpotPrice", "0.50")
        .doesNotContainKey("BlockDurationMinutes");
  }

  @Test
  void create_requestRefused_reportsDockerMachinesErrorAndCancelsNothing() throws Exception {
    Driver driver = configured(Map.of());
    ec2.failNext(
        "RequestSpotInstances", 400, "MaxSpotInstanceCountExceeded", "Max spot instance count.");

    assertThatThrownBy(driver::create)
        .hasMessage(
            "Error request spot instance: MaxSpotInstanceCountExceeded: Max spot instance count.");
    assertThat(ec2.actions()).endsWith("RequestSpotInstances", "DeleteKeyPair");
    assertNothingLeftBehind();
  }

  @Test
  void create_requestClosedWithBadParameters_failsTheWaiterAndCancelsTheRequest() throws Exception {
    ec2.spotOutcome(1, "closed", "bad-parameters");
    Driver driver = configured(Map.of());

    assertThatThrownBy(driver::create)
        .hasMessage(
            "Error fulfilling spot request: ResourceNotReady: failed waiting for successful"
                + " resource state");
    assertThat(ec2.actions())
        .containsExactlyElementsOf(
            actions(
                UP_TO_THE_LAUNCH,
                "RequestSpotInstances",
                "DescribeSpotInstanceRequests",
                "DescribeSpotInstanceRequests",
                "CancelSpotInstanceRequests",
                "DescribeSpotInstanceRequests",
                "DeleteKeyPair"));
    assertThat(info)
        .containsExactly(
            "(aws1) Launching instance...",
            "(aws1) Waiting for spot instance...",
            "(aws1) Missing instance ID, this is likely due to a failure during machine creation");
    assertNothingLeftBehind();
  }

  @Test
  void create_priceTooLowForever_givesUpAfterFortyPollsAndCancelsTheRequest() throws Exception {
    ec2.spotOutcome(0, "open", "price-too-low");
    Driver driver = configured(Map.of());

    assertThatThrownBy(driver::create)
        .hasMessage("Error fulfilling spot request: ResourceNotReady: exceeded wait attempts");
    assertThat(ec2.actions().stream().filter("DescribeSpotInstanceRequests"::equals)).hasSize(41);
    assertThat(sleeps).isEqualTo(Collections.nCopies(39, Duration.ofSeconds(15)));
    assertThat(ec2.spotRequest("sir-00000002").state).isEqualTo("cancelled");
    assertNothingLeftBehind();
  }

  @Test
  void create_interruptedWhileWaiting_cancelsTheRequest() throws Exception {
    ec2.spotOutcome(5, "active", "fulfilled");
    sleeper =
        d -> {
          Thread.currentThread().interrupt();
          throw new MachineException("interrupted");
        };
    Driver driver = configured(Map.of());

    try {
      assertThatThrownBy(driver::create).hasMessage("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(ec2.spotRequest("sir-00000002").state).isEqualTo("cancelled");
    assertThat(ec2.spotRequest("sir-00000002").statusCode).isEqualTo("canceled-before-fulfillment");
    assertNothingLeftBehind();
  }

  @Test
  void create_taggingFailsAfterFulfilment_cancelsTheRequestAndTerminatesTheInstance()
      throws Exception {
    Driver driver = configured(Map.of());
    ec2.failNext("CreateTags", 400, "InvalidParameterValue", "Tag value too long.");

    assertThatThrownBy(driver::create).hasMessageStartingWith("Unable to tag instance i-");
    assertThat(ec2.actions())
        .endsWith(
            "CreateTags", "CancelSpotInstanceRequests", "TerminateInstances", "DeleteKeyPair");
    String instanceId = ec2.spotRequest("sir-00000002").instanceId;
    assertThat(ec2.instance(instanceId).state).isEqualTo("shutting-down");
    assertNothingLeftBehind();
  }

  @Test
  void remove_spotMachine_requestClosedByTheTermination_isLeftAlone() {
    ec2.addInstance("i-1", "running", "198.51.100.9");
    ec2.addSpotRequest("sir-1", "active", "i-1");
    ec2.addKeyPair("aws1");

    loadedSpotMachine("i-1").remove();

    assertThat(ec2.requests().stream().map(Object::toString))
        .containsExactly(
            "TerminateInstances {InstanceId.1=i-1}",
            "DescribeSpotInstanceRequests {Filter.1.Name=instance-id, Filter.1.Value.1=i-1}",
            "DeleteKeyPair {KeyName=aws1}");
    assertThat(ec2.spotRequest("sir-1").state).isEqualTo("closed");
    assertNothingLeftBehind();
  }

  @Test
  void remove_spotMachineTerminateRefused_stillCancelsItsActiveRequest() {
    ec2.addInstance("i-1", "running", "198.51.100.9");
    ec2.addSpotRequest("sir-1", "active", "i-1");
    ec2.addKeyPair("aws1");
    ec2.failNext("TerminateInstances", 403, "UnauthorizedOperation", "You are not authorized.");

    assertThatThrownBy(() -> loadedSpotMachine("i-1").remove())
        .hasMessage("unable to terminate instance: UnauthorizedOperation: You are not authorized.");
    assertThat(ec2.actions())
        .containsExactly(
            "TerminateInstances",
            "DescribeSpotInstanceRequests",
            "CancelSpotInstanceRequests",
            "DeleteKeyPair");
    assertThat(ec2.spotRequest("sir-1").state).isEqualTo("cancelled");
  }

  @Test
  void fromJson_spotMachine_roundTripsInDockerMachinesFieldOrder() throws Exception {
    Driver driver =
        configured(Map.of("amazonec2-spot-price", "0.12", "amazonec2-block-duration-minutes", 60));
    driver.create();
    Map<String, Object> blob = driver.toJson();

    assertThat(blob)
        .containsEntry("RequestSpotInstance", true)
        .containsEntry("SpotPrice", "0.12")
        .containsEntry("BlockDurationMinutes", 60L)
        .doesNotContainKey("SpotInstanceRequestId");
    assertThat(factory().fromJson(blob).toJson()).containsExactlyEntriesOf(blob);
  }

  private static Map<String, String> linked(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
