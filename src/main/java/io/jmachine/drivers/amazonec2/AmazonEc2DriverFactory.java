package io.jmachine.drivers.amazonec2;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverFlag;
import io.jmachine.machine.Sleeper;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Instances on Amazon EC2 (spec §7.6). */
public final class AmazonEc2DriverFactory implements DriverFactory {
  private final Consumer<String> info;
  private final Function<Ec2Settings, Ec2Api> connect;
  private final Sleeper sleeper;

  /**
   * {@code info} receives progress lines, each already prefixed with "(NAME) "; {@code env} looks
   * up the environment the command runs in, for the AWS credential chain. The AWS SDK is loaded
   * only when an EC2 machine talks to EC2.
   */
  public AmazonEc2DriverFactory(Consumer<String> info, UnaryOperator<String> env) {
    this(
        info,
        settings -> new SdkEc2Api(settings, new AwsCredentialSources(settings, env)),
        Sleeper.REAL);
  }

  AmazonEc2DriverFactory(
      Consumer<String> info, Function<Ec2Settings, Ec2Api> connect, Sleeper sleeper) {
    this.info = info;
    this.connect = connect;
    this.sleeper = sleeper;
  }

  @Override
  public String name() {
    return AmazonEc2Driver.NAME;
  }

  @Override
  public List<DriverFlag> createFlags() {
    return List.of(
        DriverFlag.string("amazonec2-access-key", "AWS Access Key", "AWS_ACCESS_KEY_ID", ""),
        DriverFlag.string("amazonec2-secret-key", "AWS Secret Key", "AWS_SECRET_ACCESS_KEY", ""),
        DriverFlag.string("amazonec2-session-token", "AWS Session Token", "AWS_SESSION_TOKEN", ""),
        DriverFlag.string("amazonec2-ami", "AWS machine image", "AWS_AMI", ""),
        DriverFlag.string(
            "amazonec2-region", "AWS region", "AWS_DEFAULT_REGION", AmazonEc2Driver.DEFAULT_REGION),
        DriverFlag.string("amazonec2-vpc-id", "AWS VPC id", "AWS_VPC_ID", ""),
        DriverFlag.string(
            "amazonec2-zone",
            "AWS zone for instance (i.e. a,b,c,d,e)",
            "AWS_ZONE",
            AmazonEc2Driver.DEFAULT_ZONE),
        DriverFlag.string("amazonec2-subnet-id", "AWS VPC subnet id", "AWS_SUBNET_ID", ""),
        DriverFlag.bool(
            "amazonec2-security-group-readonly",
            "Skip adding default rules to security groups",
            "AWS_SECURITY_GROUP_READONLY"),
        DriverFlag.strings(
            "amazonec2-security-group",
            "AWS VPC security group",
            "AWS_SECURITY_GROUP",
            List.of(AmazonEc2Driver.DEFAULT_SECURITY_GROUP)),
        DriverFlag.strings(
            "amazonec2-open-port",
            "Make the specified port number accessible from the Internet",
            "",
            List.of()),
        DriverFlag.string(
            "amazonec2-tags", "AWS Tags (e.g. key1,value1,key2,value2)", "AWS_TAGS", ""),
        DriverFlag.string(
            "amazonec2-instance-type",
            "AWS instance type",
            "AWS_INSTANCE_TYPE",
            AmazonEc2Driver.DEFAULT_INSTANCE_TYPE),
        DriverFlag.string(
            "amazonec2-device-name",
            "AWS root device name",
            "AWS_DEVICE_NAME",
            AmazonEc2Driver.DEFAULT_DEVICE_NAME),
        DriverFlag.integer(
            "amazonec2-root-size",
            "AWS root disk size (in GB)",
            "AWS_ROOT_SIZE",
            AmazonEc2Driver.DEFAULT_ROOT_SIZE),
        DriverFlag.string(
            "amazonec2-volume-type",
            "Amazon EBS volume type",
            "AWS_VOLUME_TYPE",
            AmazonEc2Driver.DEFAULT_VOLUME_TYPE),
        DriverFlag.string(
            "amazonec2-iam-instance-profile",
            "AWS IAM Instance Profile",
            "AWS_INSTANCE_PROFILE",
            ""),
        DriverFlag.integer(
            "amazonec2-ssh-port", "SSH port", "AWS_SSH_PORT", AmazonEc2Driver.DEFAULT_SSH_PORT),
        DriverFlag.string(
            "amazonec2-ssh-user", "SSH username", "AWS_SSH_USER", AmazonEc2Driver.DEFAULT_SSH_USER),
        DriverFlag.bool(
            "amazonec2-request-spot-instance", "Set this flag to request spot instance", ""),
        DriverFlag.string(
            "amazonec2-spot-price",
            "AWS spot instance bid price (in dollar)",
            "",
            AmazonEc2Driver.DEFAULT_SPOT_PRICE),
        DriverFlag.integer(
            "amazonec2-block-duration-minutes",
            "AWS spot instance duration in minutes (60, 120, 180, 240, 300, or 360)",
            "",
            0),
        DriverFlag.bool("amazonec2-private-address-only", "Only use a private IP address", ""),
        DriverFlag.bool(
            "amazonec2-use-private-address", "Force the usage of private IP address", ""),
        DriverFlag.bool(
            "amazonec2-monitoring", "Set this flag to enable CloudWatch monitoring", ""),
        DriverFlag.bool(
            "amazonec2-use-ebs-optimized-instance", "Create an EBS optimized instance", ""),
        DriverFlag.string("amazonec2-ssh-keypath", "SSH Key for Instance", "AWS_SSH_KEYPATH", ""),
        DriverFlag.string(
            "amazonec2-keypair-name",
            "AWS keypair to use; requires --amazonec2-ssh-keypath",
            "AWS_KEYPAIR_NAME",
            ""),
        DriverFlag.integer(
            "amazonec2-retries",
            "Set retry count for recoverable failures (use -1 to disable)",
            "",
            AmazonEc2Driver.DEFAULT_RETRIES),
        DriverFlag.string(
            "amazonec2-endpoint",
            "Optional endpoint URL (hostname only or fully qualified URI)",
            "AWS_ENDPOINT",
            ""),
        DriverFlag.bool(
            "amazonec2-insecure-transport",
            "Disable SSL when sending requests",
            "AWS_INSECURE_TRANSPORT"),
        DriverFlag.string(
            "amazonec2-userdata", "path to file with cloud-init user data", "AWS_USERDATA", ""));
  }

  @Override
  public Driver newDriver(String machineName, String storePath) {
    return new AmazonEc2Driver(machineName, storePath, services(machineName));
  }

  @Override
  public Driver fromJson(Map<String, Object> blob) {
    Object name = blob.get("MachineName");
    return new AmazonEc2Driver(blob, services(name == null ? "" : name.toString()));
  }

  private AmazonEc2Driver.Services services(String machineName) {
    return new AmazonEc2Driver.Services(
        line -> info.accept("(" + machineName + ") " + line), connect, sleeper);
  }
}
