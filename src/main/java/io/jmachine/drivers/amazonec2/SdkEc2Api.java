package io.jmachine.drivers.amazonec2;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.RequestSpotLaunchSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesMonitoringEnabled;
import software.amazon.awssdk.services.ec2.model.SpotInstanceRequest;
import software.amazon.awssdk.services.ec2.model.SpotPlacement;
import software.amazon.awssdk.services.ec2.model.Tag;

/** {@link Ec2Api} on the AWS SDK for Java v2 with the JDK's HTTP client. */
final class SdkEc2Api implements Ec2Api {
  private static final String ANYWHERE = "0.0.0.0/0";

  private final Ec2Client ec2;

  SdkEc2Api(Ec2Settings settings, AwsCredentialSources credentials) {
    var builder =
        Ec2Client.builder()
            .region(Region.of(settings.region().isEmpty() ? "us-east-1" : settings.region()))
            .credentialsProvider(credentials.provider())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(
                c ->
                    c.defaultProfileFile(credentials.profileFile())
                        .defaultProfileName(credentials.profileName())
                        .retryStrategy(r -> r.maxAttempts(Math.max(settings.retryCount(), 0) + 1)));
    if (!settings.endpoint().isEmpty()) {
      builder.endpointOverride(endpointUri(settings.endpoint(), settings.disableSsl()));
    }
    ec2 = builder.build();
  }

  /** docker-machine takes a bare host name as well as a full URI. */
  static URI endpointUri(String endpoint, boolean disableSsl) {
    if (endpoint.contains("://")) {
      return URI.create(endpoint);
    }
    return URI.create((disableSsl ? "http://" : "https://") + endpoint);
  }

  @Override
  public String defaultVpcId() {
    List<AccountAttribute> attributes =
        call(() -> ec2.describeAccountAttributes(r -> {}).accountAttributes());
    for (AccountAttribute attribute : attributes) {
      if ("default-vpc".equals(attribute.attributeName())) {
        String value = attribute.attributeValues().get(0).attributeValue();
        // EC2's word for an account without a default VPC
        if ("none".equals(value)) {
          throw new Ec2ApiException("", "default-vpc is 'none'", null);
        }
        return value;
      }
    }
    throw new Ec2ApiException("", "No default-vpc attribute", null);
  }

  @Override
  public List<Subnet> subnets(Map<String, List<String>> filters) {
    List<Filter> ec2Filters = new ArrayList<>();
    filters.forEach(
        (name, values) -> ec2Filters.add(Filter.builder().name(name).values(values).build()));
    return call(
        () ->
            ec2.describeSubnets(r -> r.filters(ec2Filters)).subnets().stream()
                .map(
                    s -> new Subnet(s.subnetId(), s.vpcId(), Boolean.TRUE.equals(s.defaultForAz())))
                .toList());
  }

  @Override
  public boolean keyPairExists(String name) {
    try {
      return call(() -> !ec2.describeKeyPairs(r -> r.keyNames(name)).keyPairs().isEmpty());
    } catch (Ec2ApiException e) {
      if ("InvalidKeyPair.NotFound".equals(e.code())) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void importKeyPair(String name, byte[] publicKey) {
    call(
        () ->
            ec2.importKeyPair(
                r -> r.keyName(name).publicKeyMaterial(SdkBytes.fromByteArray(publicKey))));
  }

  @Override
  public void deleteKeyPair(String name) {
    call(() -> ec2.deleteKeyPair(r -> r.keyName(name)));
  }

  @Override
  public List<SecurityGroup> securityGroups(List<String> names, String vpcId) {
    return call(
        () ->
            ec2
                .describeSecurityGroups(
                    r ->
                        r.filters(
                            Filter.builder().name("group-name").values(names).build(),
                            Filter.builder().name("vpc-id").values(vpcId).build()))
                .securityGroups()
                .stream()
                .map(
                    g ->
                        new SecurityGroup(
                            g.groupId(),
                            g.groupName(),
                            g.ipPermissions().stream()
                                .filter(p -> p.fromPort() != null)
                                .map(p -> new Permission(p.ipProtocol(), p.fromPort()))
                                .toList()))
                .toList());
  }

  @Override
  public boolean securityGroupExists(String id) {
    return call(() -> !ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().isEmpty());
  }

  @Override
  public String createSecurityGroup(String name, String description, String vpcId) {
    return call(
        () ->
            ec2.createSecurityGroup(r -> r.groupName(name).description(description).vpcId(vpcId))
                .groupId());
  }

  @Override
  public void authorizeIngress(String groupId, List<Permission> permissions) {
    List<IpPermission> rules =
        permissions.stream()
            .map(
                p ->
                    IpPermission.builder()
                        .ipProtocol(p.protocol())
                        .fromPort(p.port())
                        .toPort(p.port())
                        .ipRanges(IpRange.builder().cidrIp(ANYWHERE).build())
                        .build())
            .toList();
    call(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(rules)));
  }

  @Override
  public Instance runInstance(Launch l) {
    return call(
        () ->
            instance(
                ec2.runInstances(
                        r ->
                            r.imageId(l.ami())
                                .minCount(1)
                                .maxCount(1)
                                .placement(
                                    Placement.builder()
                                        .availabilityZone(l.availabilityZone())
                                        .build())
                                .keyName(l.keyName())
                                .instanceType(l.instanceType())
                                .networkInterfaces(networkInterface(l))
                                .monitoring(monitoring(l))
                                .iamInstanceProfile(iamInstanceProfile(l))
                                .ebsOptimized(l.ebsOptimized())
                                .blockDeviceMappings(rootVolume(l))
                                .userData(l.userDataBase64()))
                    .instances()
                    .get(0)));
  }

  @Override
  public String requestSpotInstance(Launch l, String spotPrice, long blockDurationMinutes) {
    RequestSpotLaunchSpecification specification =
        RequestSpotLaunchSpecification.builder()
            .imageId(l.ami())
            .placement(SpotPlacement.builder().availabilityZone(l.availabilityZone()).build())
            .keyName(l.keyName())
            .instanceType(l.instanceType())
            .networkInterfaces(networkInterface(l))
            .monitoring(monitoring(l))
            .iamInstanceProfile(iamInstanceProfile(l))
            .ebsOptimized(l.ebsOptimized())
            .blockDeviceMappings(rootVolume(l))
            .userData(l.userDataBase64())
            .build();
    return call(
        () ->
            ec2.requestSpotInstances(
                    r -> {
                      r.launchSpecification(specification).instanceCount(1).spotPrice(spotPrice);
                      if (blockDurationMinutes != 0) {
                        r.blockDurationMinutes((int) blockDurationMinutes);
                      }
                    })
                .spotInstanceRequests()
                .get(0)
                .spotInstanceRequestId());
  }

  @Override
  public SpotRequest spotRequest(String id) {
    return call(
        () ->
            spotRequest(
                ec2.describeSpotInstanceRequests(r -> r.spotInstanceRequestIds(id))
                    .spotInstanceRequests()
                    .get(0)));
  }

  @Override
  public List<SpotRequest> spotRequestsOfInstance(String instanceId) {
    return call(
        () ->
            ec2
                .describeSpotInstanceRequests(
                    r -> r.filters(Filter.builder().name("instance-id").values(instanceId).build()))
                .spotInstanceRequests()
                .stream()
                .map(SdkEc2Api::spotRequest)
                .toList());
  }

  private static SpotRequest spotRequest(SpotInstanceRequest r) {
    return new SpotRequest(
        r.spotInstanceRequestId(),
        r.stateAsString() == null ? "" : r.stateAsString(),
        r.status() == null || r.status().code() == null ? "" : r.status().code(),
        r.instanceId() == null ? "" : r.instanceId());
  }

  @Override
  public void cancelSpotRequest(String id) {
    call(() -> ec2.cancelSpotInstanceRequests(r -> r.spotInstanceRequestIds(id)));
  }

  private static InstanceNetworkInterfaceSpecification networkInterface(Launch l) {
    return InstanceNetworkInterfaceSpecification.builder()
        .deviceIndex(0)
        .groups(l.securityGroupIds())
        .subnetId(l.subnetId())
        .associatePublicIpAddress(l.associatePublicIp())
        .build();
  }

  private static RunInstancesMonitoringEnabled monitoring(Launch l) {
    return RunInstancesMonitoringEnabled.builder().enabled(l.monitoring()).build();
  }

  private static IamInstanceProfileSpecification iamInstanceProfile(Launch l) {
    return IamInstanceProfileSpecification.builder().name(l.iamInstanceProfile()).build();
  }

  private static BlockDeviceMapping rootVolume(Launch l) {
    return BlockDeviceMapping.builder()
        .deviceName(l.deviceName())
        .ebs(
            EbsBlockDevice.builder()
                .volumeSize((int) l.rootSize())
                .volumeType(l.volumeType())
                .deleteOnTermination(true)
                .build())
        .build();
  }

  @Override
  public Instance instance(String id) {
    return call(
        () ->
            instance(
                ec2.describeInstances(r -> r.instanceIds(id))
                    .reservations()
                    .get(0)
                    .instances()
                    .get(0)));
  }

  private static Instance instance(software.amazon.awssdk.services.ec2.model.Instance i) {
    return new Instance(
        i.instanceId(),
        i.state() == null ? "" : i.state().nameAsString(),
        i.publicIpAddress() == null ? "" : i.publicIpAddress(),
        i.privateIpAddress() == null ? "" : i.privateIpAddress());
  }

  @Override
  public void createTags(String resourceId, List<Map.Entry<String, String>> tags) {
    List<Tag> ec2Tags =
        tags.stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    call(() -> ec2.createTags(r -> r.resources(resourceId).tags(ec2Tags)));
  }

  @Override
  public void startInstance(String id) {
    call(() -> ec2.startInstances(r -> r.instanceIds(id)));
  }

  @Override
  public void stopInstance(String id, boolean force) {
    call(() -> ec2.stopInstances(r -> r.instanceIds(id).force(force)));
  }

  @Override
  public void rebootInstance(String id) {
    call(() -> ec2.rebootInstances(r -> r.instanceIds(id)));
  }

  @Override
  public void terminateInstance(String id) {
    call(() -> ec2.terminateInstances(r -> r.instanceIds(id)));
  }

  /** Runs one SDK call, turning its exceptions into the driver's. */
  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (AwsServiceException e) {
      var details = e.awsErrorDetails();
      String code = details == null || details.errorCode() == null ? "" : details.errorCode();
      String message = details == null ? e.getMessage() : details.errorMessage();
      throw new Ec2ApiException(code, message, e);
    } catch (SdkException e) {
      throw new Ec2ApiException("", e.getMessage(), e);
    }
  }
}
