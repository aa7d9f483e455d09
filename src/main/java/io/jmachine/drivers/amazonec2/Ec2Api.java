package io.jmachine.drivers.amazonec2;

import java.util.List;
import java.util.Map;

/**
 * The EC2 calls docker-machine's amazonec2 driver makes, in the driver's own terms, so that the
 * driver holds no AWS SDK type and the SDK loads only when an EC2 machine is used. Failures are
 * {@link Ec2ApiException}s carrying EC2's error code.
 */
interface Ec2Api {
  /** A subnet as DescribeSubnets reports it. */
  record Subnet(String id, String vpcId, boolean defaultForAz) {}

  /** An ingress rule from 0.0.0.0/0 to one port. */
  record Permission(String protocol, int port) {}

  /** A security group with the rules it already has. */
  record SecurityGroup(String id, String name, List<Permission> permissions) {}

  /** An instance; the addresses are "" while EC2 has none. */
  record Instance(String id, String state, String publicIp, String privateIp) {}

  /** What RunInstances is asked for: one instance with one network interface and a root volume. */
  record Launch(
      String ami,
      String availabilityZone,
      String keyName,
      String instanceType,
      List<String> securityGroupIds,
      String subnetId,
      boolean associatePublicIp,
      boolean monitoring,
      String iamInstanceProfile,
      boolean ebsOptimized,
      String deviceName,
      long rootSize,
      String volumeType,
      String userDataBase64) {}

  /**
   * A spot instance request: state is EC2's open/active/closed/cancelled/failed, statusCode the
   * finer reason (pending-evaluation, fulfilled, price-too-low, ...), instanceId "" until one runs.
   */
  record SpotRequest(String id, String state, String statusCode, String instanceId) {}

  /** The account's "default-vpc" attribute; fails when there is none. */
  String defaultVpcId();

  /** Subnets matching every filter (name to accepted values). */
  List<Subnet> subnets(Map<String, List<String>> filters);

  /** Whether the key pair exists; EC2's InvalidKeyPair.NotFound answers false. */
  boolean keyPairExists(String name);

  void importKeyPair(String name, byte[] publicKey);

  void deleteKeyPair(String name);

  /** Groups with one of these names in the VPC. */
  List<SecurityGroup> securityGroups(List<String> names, String vpcId);

  boolean securityGroupExists(String id);

  /** Creates the group and returns its id. */
  String createSecurityGroup(String name, String description, String vpcId);

  void authorizeIngress(String groupId, List<Permission> permissions);

  Instance runInstance(Launch launch);

  /**
   * RequestSpotInstances for one instance launched as described; blockDurationMinutes 0 asks for no
   * fixed duration. Returns the request's id.
   */
  String requestSpotInstance(Launch launch, String spotPrice, long blockDurationMinutes);

  /** DescribeSpotInstanceRequests for one request id. */
  SpotRequest spotRequest(String id);

  /** The spot requests that launched this instance. */
  List<SpotRequest> spotRequestsOfInstance(String instanceId);

  void cancelSpotRequest(String id);

  Instance instance(String id);

  /** Tags in the order given. */
  void createTags(String resourceId, List<Map.Entry<String, String>> tags);

  void startInstance(String id);

  void stopInstance(String id, boolean force);

  void rebootInstance(String id);

  void terminateInstance(String id);
}
