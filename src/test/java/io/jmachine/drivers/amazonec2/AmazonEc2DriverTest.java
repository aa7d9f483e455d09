package io.jmachine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFlag;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.fakes.FakeEc2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against a fake EC2 Query API on loopback, through the real AWS SDK. */
class AmazonEc2DriverTest {
  @TempDir Path store;
  private final List<String> info = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
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
        sleeps::add);
  }

  private Map<String, Object> flags(Map<String, Object> overrides) {
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
    values.putAll(overrides);
    return values;
  }

  private Driver configured(Map<String, Object> overrides) throws Exception {
    Files.createDirectories(store.resolve("machines/aws1"));
    Driver driver = factory().newDriver("aws1", store.toString());
    driver.setConfigFromFlags(new DriverOptions(flags(overrides)));
    return driver;
  }

  private Driver created(Map<String, Object> overrides) throws Exception {
    Driver driver = configured(overrides);
    driver.preCreateCheck();
    driver.create();
    return driver;
  }

  private Driver loaded(String instanceId) {
    Map<String, Object> blob = new LinkedHashMap<>();
    blob.put("MachineName", "aws1");
    blob.put("StorePath", store.toString());
    blob.put("AccessKey", FakeEc2.ACCESS_KEY);
    blob.put("SecretKey", FakeEc2.SECRET_KEY);
    blob.put("KeyName", "aws1");
    blob.put("InstanceId", instanceId);
    blob.put("Endpoint", ec2.url());
    blob.put("RetryCount", 5);
    return factory().fromJson(blob);
  }

  @Test
  void create_defaults_sendsDockerMachinesCallsInOrder() throws Exception {
    Driver driver = created(Map.of());

    assertThat(ec2.actions())
        .containsExactly(
            "DescribeAccountAttributes",
            "DescribeKeyPairs",
            "DescribeSubnets",
            "DescribeKeyPairs",
            "ImportKeyPair",
            "DescribeSecurityGroups",
            "CreateSecurityGroup",
            "DescribeSecurityGroups",
            "AuthorizeSecurityGroupIngress",
            "RunInstances",
            "DescribeInstances",
            "DescribeInstances",
            "CreateTags");
    assertThat(info).containsExactly("(aws1) Launching instance...");
    assertThat(driver.getIp()).isEqualTo("198.51.100.200");
    assertThat(driver.toJson())
        .containsEntry("KeyName", "aws1")
        .containsEntry("SubnetId", "subnet-1111aaaa")
        .containsEntry("VpcId", "vpc-1a2b3c4d")
        .containsEntry("SecurityGroupIds", List.of("sg-00000001"))
        .containsEntry("IPAddress", "198.51.100.200")
        .containsEntry("SSHKeyPath", store.resolve("machines/aws1/id_rsa").toString());
  }

  @Test
  void create_defaults_importsTheGeneratedKeyUnderTheMachineName() throws Exception {
    created(Map.of());

    String publicKey = Files.readString(store.resolve("machines/aws1/id_rsa.pub"));
    assertThat(ec2.keyPairs()).containsEntry("aws1", publicKey);
    Map<String, String> imported = ec2.only("ImportKeyPair");
    assertThat(imported.get("KeyName")).isEqualTo("aws1");
    assertThat(
            new String(
                Base64.getDecoder().decode(imported.get("PublicKeyMaterial")),
                StandardCharsets.UTF_8))
        .isEqualTo(publicKey);
  }

  @Test
  void create_newSecurityGroup_opensSshAndDockerFromAnywhere() throws Exception {
    created(Map.of());

    assertThat(ec2.only("CreateSecurityGroup"))
        .containsEntry("GroupName", "docker-machine")
        .containsEntry("GroupDescription", "Docker Machine")
        .containsEntry("VpcId", "vpc-1a2b3c4d");
    assertThat(ec2.only("AuthorizeSecurityGroupIngress"))
        .containsExactlyEntriesOf(
            linked(
                "GroupId", "sg-00000001",
                "IpPermissions.1.IpProtocol", "tcp",
                "IpPermissions.1.FromPort", "22",
                "IpPermissions.1.ToPort", "22",
                "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0",
                "IpPermissions.2.IpProtocol", "tcp",
                "IpPermissions.2.FromPort", "2376",
                "IpPermissions.2.ToPort", "2376",
                "IpPermissions.2.IpRanges.1.CidrIp", "0.0.0.0/0"));
  }

  @Test
  void create_existingGroupWithSshOpenAndSwarmMaster_addsDockerSwarmAndOpenPorts()
      throws Exception {
    ec2.addGroup("sg-77", "docker-machine", "vpc-1a2b3c4d", new FakeEc2.Rule("tcp", 22));

    created(
        Map.of(
            "swarm-master",
            true,
            "swarm-host",
            "tcp://0.0.0.0:3377",
            "amazonec2-open-port",
            List.of("8080", "53/udp")));

    assertThat(ec2.actions()).doesNotContain("CreateSecurityGroup");
    assertThat(ec2.group("sg-77").rules())
        .containsExactly(
            new FakeEc2.Rule("tcp", 22),
            new FakeEc2.Rule("tcp", 2376),
            new FakeEc2.Rule("tcp", 3377),
            new FakeEc2.Rule("tcp", 8080),
            new FakeEc2.Rule("udp", 53));
  }

  @Test
  void create_readonlySecurityGroup_authorizesNothing() throws Exception {
    ec2.addGroup("sg-77", "docker-machine", "vpc-1a2b3c4d");

    created(Map.of("amazonec2-security-group-readonly", true));

    assertThat(ec2.actions()).doesNotContain("AuthorizeSecurityGroupIngress");
  }

  @Test
  void create_flags_reachRunInstances() throws Exception {
    Path userData = store.resolve("cloud-init.yml");
    Files.writeString(userData, "#cloud-config\n");

    created(
        Map.of(
            "amazonec2-ami",
            "ami-12345678",
            "amazonec2-instance-type",
            "m5.large",
            "amazonec2-root-size",
            40,
            "amazonec2-volume-type",
            "io1",
            "amazonec2-iam-instance-profile",
            "builder",
            "amazonec2-monitoring",
            true,
            "amazonec2-use-ebs-optimized-instance",
            true,
            "amazonec2-private-address-only",
            true,
            "amazonec2-userdata",
            userData.toString()));

    Map<String, String> launch = new HashMap<>(ec2.only("RunInstances"));
    // the SDK's idempotency token, as docker-machine's Go SDK sends one
    assertThat(launch.remove("ClientToken")).isNotEmpty();
    assertThat(launch)
        .containsExactlyInAnyOrderEntriesOf(
            linked(
                "ImageId", "ami-12345678",
                "MinCount", "1",
                "MaxCount", "1",
                "KeyName", "aws1",
                "InstanceType", "m5.large",
                "Placement.AvailabilityZone", "us-east-1a",
                "Monitoring.Enabled", "true",
                "UserData", Base64.getEncoder().encodeToString("#cloud-config\n".getBytes()),
                "IamInstanceProfile.Name", "builder",
                "EbsOptimized", "true",
                "BlockDeviceMapping.1.DeviceName", "/dev/sda1",
                "BlockDeviceMapping.1.Ebs.VolumeSize", "40",
                "BlockDeviceMapping.1.Ebs.VolumeType", "io1",
                "BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true",
                "NetworkInterface.1.DeviceIndex", "0",
                "NetworkInterface.1.SubnetId", "subnet-1111aaaa",
                "NetworkInterface.1.AssociatePublicIpAddress", "false",
                "NetworkInterface.1.SecurityGroupId.1", "sg-00000001"));
  }

  @Test
  void create_tags_nameThenPairs() throws Exception {
    Driver driver = created(Map.of("amazonec2-tags", "team,infra,env,test"));

    String instanceId = (String) driver.toJson().get("InstanceId");
    assertThat(ec2.tags(instanceId))
        .containsExactlyEntriesOf(linked("Name", "aws1", "team", "infra", "env", "test"));
  }

  @Test
  void create_runInstancesRefused_removesTheKeyPairAndReportsTheError() throws Exception {
    Driver driver = configured(Map.of());
    ec2.failNext("RunInstances", 400, "InsufficientInstanceCapacity", "No capacity.");

    assertThatThrownBy(driver::create)
        .hasMessage("Error launching instance: InsufficientInstanceCapacity: No capacity.");
    assertThat(ec2.keyPairs()).isEmpty();
    assertThat(ec2.actions()).endsWith("RunInstances", "DeleteKeyPair");
    assertThat(info)
        .containsExactly(
            "(aws1) Launching instance...",
            "(aws1) Missing instance ID, this is likely due to a failure during machine creation");
  }

  @Test
  void preCreateCheck_keyPairNamedLikeTheMachine_refuses() throws Exception {
    ec2.addKeyPair("aws1");
    Driver driver = configured(Map.of());

    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage(
            "There is already a keypair with the name aws1.  Please either remove that keypair or"
                + " use a different machine name.");
    assertThat(ec2.only("DescribeKeyPairs")).containsExactly(Map.entry("KeyName.1", "aws1"));
  }

  @Test
  void preCreateCheck_noSubnetInTheZone_namesZoneAndVpc() throws Exception {
    Driver driver = configured(Map.of("amazonec2-zone", "us-east-1f"));

    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage(
            "unable to find a subnet that is both in the zone us-east-1f and belonging to VPC ID"
                + " vpc-1a2b3c4d");
    assertThat(ec2.only("DescribeSubnets"))
        .containsExactlyEntriesOf(
            linked(
                "Filter.1.Name", "availability-zone",
                "Filter.1.Value.1", "us-east-1f",
                "Filter.2.Name", "vpc-id",
                "Filter.2.Value.1", "vpc-1a2b3c4d"));
  }

  @Test
  void setConfigFromFlags_noCredentialsAnywhere_failsWithDockerMachinesMessage() {
    Driver driver = factory().newDriver("aws1", store.toString());
    DriverOptions options =
        new DriverOptions(flags(Map.of("amazonec2-access-key", "", "amazonec2-secret-key", "")));

    assertThatThrownBy(() -> driver.setConfigFromFlags(options))
        .hasMessage(
            "amazonec2 driver requires AWS credentials configured with the --amazonec2-access-key"
                + " and --amazonec2-secret-key options, environment variables, ~/.aws/credentials,"
                + " or an instance role");
    assertThat(ec2.requests()).isEmpty();
  }

  @Test
  void setConfigFromFlags_credentialsInTheSharedFile_areUsed() throws Exception {
    Files.createDirectories(store.resolve(".aws"));
    Files.writeString(
        store.resolve(".aws/credentials"),
        "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = s3cret\n");
    Driver driver = factory().newDriver("aws1", store.toString());

    driver.setConfigFromFlags(
        new DriverOptions(flags(Map.of("amazonec2-access-key", "", "amazonec2-secret-key", ""))));

    assertThat(ec2.actions()).containsExactly("DescribeAccountAttributes");
  }

  @Test
  void setConfigFromFlags_unknownRegionWithoutEndpoint_isInvalid() {
    Driver driver = factory().newDriver("aws1", store.toString());
    DriverOptions options =
        new DriverOptions(flags(Map.of("amazonec2-region", "mars-1", "amazonec2-endpoint", "")));

    assertThatThrownBy(() -> driver.setConfigFromFlags(options))
        .hasMessage("Invalid region specified");
  }

  @Test
  void setConfigFromFlags_validationErrors_useDockerMachinesWording() {
    Driver driver = factory().newDriver("aws1", store.toString());

    assertThatThrownBy(
            () ->
                driver.setConfigFromFlags(
                    new DriverOptions(
                        flags(
                            Map.of(
                                "amazonec2-insecure-transport", true, "amazonec2-endpoint", "")))))
        .hasMessage("using --amazonec2-insecure-transport also requires --amazonec2-endpoint");
    assertThatThrownBy(
            () ->
                driver.setConfigFromFlags(
                    new DriverOptions(flags(Map.of("amazonec2-keypair-name", "mine")))))
        .hasMessage("using --amazonec2-keypair-name also requires --amazonec2-ssh-keypath");
  }

  @Test
  void setConfigFromFlags_noDefaultVpcAndNoSubnet_refuses() {
    ec2.noDefaultVpc();
    Driver driver = factory().newDriver("aws1", store.toString());

    assertThatThrownBy(() -> driver.setConfigFromFlags(new DriverOptions(flags(Map.of()))))
        .hasMessage(
            "amazonec2 driver requires either the --amazonec2-subnet-id or --amazonec2-vpc-id"
                + " option or an AWS Account with a default vpc-id");
  }

  @Test
  void setConfigFromFlags_subnetOfAnotherVpc_refuses() {
    Driver driver = factory().newDriver("aws1", store.toString());
    DriverOptions options =
        new DriverOptions(
            flags(Map.of("amazonec2-subnet-id", "subnet-0000aaaa", "amazonec2-vpc-id", "vpc-9")));

    assertThatThrownBy(() -> driver.setConfigFromFlags(options))
        .hasMessage("SubnetId: subnet-0000aaaa does not belong to VpcId: vpc-9");
    assertThat(ec2.only("DescribeSubnets"))
        .containsExactlyEntriesOf(
            linked("Filter.1.Name", "subnet-id", "Filter.1.Value.1", "subnet-0000aaaa"));
  }

  @Test
  void setConfigFromFlags_unknownSubnet_refuses() {
    Driver driver = factory().newDriver("aws1", store.toString());
    DriverOptions options =
        new DriverOptions(
            flags(Map.of("amazonec2-subnet-id", "subnet-404", "amazonec2-vpc-id", "vpc-9")));

    assertThatThrownBy(() -> driver.setConfigFromFlags(options))
        .hasMessage(
            "The desired subnet could not be located in this region. Is '--amazonec2-subnet-id'"
                + " or AWS_SUBNET_ID configured correctly?");
  }

  @Test
  void getState_eachEc2State_mapsAsDockerMachineDoes() {
    Map<String, MachineState> expected = new LinkedHashMap<>();
    expected.put("pending", MachineState.STARTING);
    expected.put("running", MachineState.RUNNING);
    expected.put("stopping", MachineState.STOPPING);
    expected.put("shutting-down", MachineState.STOPPING);
    expected.put("stopped", MachineState.STOPPED);
    expected.put("terminated", MachineState.ERROR);
    expected.forEach((state, mapped) -> ec2.addInstance("i-" + state, state, ""));

    expected.forEach(
        (state, mapped) -> assertThat(loaded("i-" + state).getState()).isEqualTo(mapped));
  }

  @Test
  void getUrl_stoppedInstance_isNotRunning() {
    ec2.addInstance("i-1", "stopped", "");

    assertThatThrownBy(() -> loaded("i-1").getUrl()).hasMessage("Host is not running");
  }

  @Test
  void getUrl_runningInstance_isItsPublicAddressOnPort2376() {
    ec2.addInstance("i-1", "running", "198.51.100.9");

    assertThat(loaded("i-1").getUrl()).isEqualTo("tcp://198.51.100.9:2376");
  }

  @Test
  void powerActions_sendTheMatchingInstanceCalls() {
    ec2.addInstance("i-1", "running", "198.51.100.9");
    Driver driver = loaded("i-1");

    driver.stop();
    driver.kill();
    driver.start();
    driver.restart();

    assertThat(ec2.requests().stream().map(Object::toString))
        .containsExactly(
            "StopInstances {InstanceId.1=i-1, Force=false}",
            "StopInstances {InstanceId.1=i-1, Force=true}",
            "StartInstances {InstanceId.1=i-1}",
            "DescribeInstances {InstanceId.1=i-1}",
            "RebootInstances {InstanceId.1=i-1}");
  }

  @Test
  void remove_instanceGone_reportsAndStillDeletesTheKeyPair() {
    ec2.addKeyPair("aws1");
    Driver driver = loaded("i-404");

    driver.remove();

    assertThat(info)
        .containsExactly(
            "(aws1) Remote instance does not exist, proceeding with removing local reference");
    assertThat(ec2.actions()).containsExactly("TerminateInstances", "DeleteKeyPair");
    assertThat(ec2.keyPairs()).isEmpty();
  }

  @Test
  void remove_existingKeyPair_isKept() {
    ec2.addInstance("i-1", "running", "198.51.100.9");
    ec2.addKeyPair("mine");
    Map<String, Object> blob = new LinkedHashMap<>(loaded("i-1").toJson());
    blob.put("ExistingKey", true);
    blob.put("KeyName", "mine");

    factory().fromJson(blob).remove();

    assertThat(ec2.actions()).containsExactly("TerminateInstances");
    assertThat(ec2.instance("i-1").state).isEqualTo("shutting-down");
  }

  @Test
  void remove_terminateRefused_reportsDockerMachinesError() {
    ec2.addInstance("i-1", "running", "198.51.100.9");
    ec2.failNext("TerminateInstances", 403, "UnauthorizedOperation", "You are not authorized.");

    assertThatThrownBy(() -> loaded("i-1").remove())
        .hasMessage("unable to terminate instance: UnauthorizedOperation: You are not authorized.");
  }

  @Test
  void toJson_newDriver_hasDockerMachinesFieldsInOrder() {
    Driver driver = factory().newDriver("aws1", "/store");

    assertThat(driver.toJson().keySet())
        .containsExactly(
            "IPAddress",
            "MachineName",
            "SSHUser",
            "SSHPort",
            "SSHKeyPath",
            "StorePath",
            "SwarmMaster",
            "SwarmHost",
            "SwarmDiscovery",
            "Id",
            "AccessKey",
            "SecretKey",
            "SessionToken",
            "Region",
            "AMI",
            "SSHKeyID",
            "ExistingKey",
            "KeyName",
            "InstanceId",
            "InstanceType",
            "PrivateIPAddress",
            "SecurityGroupId",
            "SecurityGroupIds",
            "SecurityGroupName",
            "SecurityGroupNames",
            "SecurityGroupReadOnly",
            "OpenPorts",
            "Tags",
            "ReservationId",
            "DeviceName",
            "RootSize",
            "VolumeType",
            "IamInstanceProfile",
            "VpcId",
            "SubnetId",
            "Zone",
            "RequestSpotInstance",
            "SpotPrice",
            "BlockDurationMinutes",
            "PrivateIPOnly",
            "UsePrivateIP",
            "UseEbsOptimizedInstance",
            "Monitoring",
            "SSHPrivateKeyPath",
            "RetryCount",
            "Endpoint",
            "DisableSSL",
            "UserDataFile");
    assertThat(driver.toJson())
        .containsEntry("SSHUser", "ubuntu")
        .containsEntry("SSHPort", 22)
        .containsEntry("Region", "us-east-1")
        .containsEntry("AMI", "ami-c60b90d1")
        .containsEntry("SecurityGroupNames", List.of("docker-machine"))
        .containsEntry("SpotPrice", "0.50")
        .containsEntry("RootSize", 16L);
    assertThat((String) driver.toJson().get("Id")).matches("[0-9a-f]{32}");
  }

  @Test
  void fromJson_createdMachine_roundTripsUnchanged() throws Exception {
    Driver driver = created(Map.of("amazonec2-tags", "a,b"));
    Map<String, Object> blob = driver.toJson();

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
