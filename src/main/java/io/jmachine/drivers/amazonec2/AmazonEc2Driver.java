package io.jmachine.drivers.amazonec2;

import static io.jmachine.json.JsonFields.bool;
import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.string;
import static io.jmachine.json.JsonFields.strings;

import io.jmachine.driver.BaseDriver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.error.GoQuote;
import io.jmachine.error.MachineException;
import io.jmachine.machine.Sleeper;
import io.jmachine.ssh.MachineSshKeys;
import io.jmachine.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/** An EC2 instance made and powered through the EC2 API (spec §7.6). */
final class AmazonEc2Driver extends BaseDriver {
  static final String NAME = "amazonec2";
  static final String DEFAULT_REGION = "us-east-1";
  static final String DEFAULT_INSTANCE_TYPE = "t2.micro";
  static final String DEFAULT_DEVICE_NAME = "/dev/sda1";
  static final int DEFAULT_ROOT_SIZE = 16;
  static final String DEFAULT_VOLUME_TYPE = "gp2";
  static final String DEFAULT_ZONE = "a";
  static final String DEFAULT_SECURITY_GROUP = "docker-machine";
  static final int DEFAULT_SSH_PORT = 22;
  static final String DEFAULT_SSH_USER = "ubuntu";
  static final String DEFAULT_SPOT_PRICE = "0.50";
  static final int DEFAULT_RETRIES = 5;
  static final Duration POLL = Duration.ofSeconds(3);
  static final int MAX_POLLS = 60;

  /** The image NewDriver starts with, before a region picks its own. */
  private static final String INITIAL_AMI = "ami-c60b90d1";

  private static final int DOCKER_PORT = 2376;
  private static final int DEFAULT_SWARM_PORT = 3376;

  /** What the driver needs from outside: a progress sink, EC2 for some settings, a way to wait. */
  record Services(Consumer<String> info, Function<Ec2Settings, Ec2Api> connect, Sleeper sleeper) {}

  private final Services services;
  private Ec2Api api;
  private String id = "";
  private String accessKey = "";
  private String secretKey = "";
  private String sessionToken = "";
  private String region = DEFAULT_REGION;
  private String ami = INITIAL_AMI;
  private int sshKeyId;
  private boolean existingKey;
  private String keyName = "";
  private String instanceId = "";
  private String instanceType = DEFAULT_INSTANCE_TYPE;
  private String privateIpAddress = "";
  private String securityGroupId = "";
  private List<String> securityGroupIds;
  private String securityGroupName = "";
  private List<String> securityGroupNames = List.of(DEFAULT_SECURITY_GROUP);
  private boolean securityGroupReadOnly;
  private List<String> openPorts;
  private String tags = "";
  private String reservationId = "";
  private String deviceName = "";
  private long rootSize = DEFAULT_ROOT_SIZE;
  private String volumeType = "";
  private String iamInstanceProfile = "";
  private String vpcId = "";
  private String subnetId = "";
  private String zone = DEFAULT_ZONE;
  private boolean requestSpotInstance;
  private String spotPrice = DEFAULT_SPOT_PRICE;
  private long blockDurationMinutes;
  private boolean privateIpOnly;
  private boolean usePrivateIp;
  private boolean useEbsOptimizedInstance;
  private boolean monitoring;
  private String sshPrivateKeyPath = "";
  private int retryCount;
  private String endpoint = "";
  private boolean disableSsl;
  private String userDataFile = "";

  /** Known only during create, as in docker-machine, which does not store it either. */
  private String spotInstanceRequestId = "";

  AmazonEc2Driver(String machineName, String storePath, Services services) {
    super(machineName, storePath);
    this.services = services;
    id = newId();
    sshUser = DEFAULT_SSH_USER;
    sshPort = DEFAULT_SSH_PORT;
  }

  AmazonEc2Driver(Map<String, Object> blob, Services services) {
    super("", "");
    this.services = services;
    Map<String, Object> rest = readBase(blob);
    // docker-machine decodes into a driver that already holds NewDriver's defaults
    id = string(rest, "Id");
    accessKey = string(rest, "AccessKey");
    secretKey = string(rest, "SecretKey");
    sessionToken = string(rest, "SessionToken");
    region = rest.containsKey("Region") ? string(rest, "Region") : region;
    ami = rest.containsKey("AMI") ? string(rest, "AMI") : ami;
    sshKeyId = integer(rest, "SSHKeyID");
    existingKey = bool(rest, "ExistingKey");
    keyName = string(rest, "KeyName");
    instanceId = string(rest, "InstanceId");
    instanceType = rest.containsKey("InstanceType") ? string(rest, "InstanceType") : instanceType;
    privateIpAddress = string(rest, "PrivateIPAddress");
    securityGroupId = string(rest, "SecurityGroupId");
    securityGroupIds = strings(rest, "SecurityGroupIds");
    securityGroupName = string(rest, "SecurityGroupName");
    securityGroupNames =
        rest.containsKey("SecurityGroupNames")
            ? strings(rest, "SecurityGroupNames")
            : securityGroupNames;
    securityGroupReadOnly = bool(rest, "SecurityGroupReadOnly");
    openPorts = strings(rest, "OpenPorts");
    tags = string(rest, "Tags");
    reservationId = string(rest, "ReservationId");
    deviceName = string(rest, "DeviceName");
    rootSize = rest.get("RootSize") instanceof Number n ? n.longValue() : rootSize;
    volumeType = string(rest, "VolumeType");
    iamInstanceProfile = string(rest, "IamInstanceProfile");
    vpcId = string(rest, "VpcId");
    subnetId = string(rest, "SubnetId");
    zone = rest.containsKey("Zone") ? string(rest, "Zone") : zone;
    requestSpotInstance = bool(rest, "RequestSpotInstance");
    spotPrice = rest.containsKey("SpotPrice") ? string(rest, "SpotPrice") : spotPrice;
    blockDurationMinutes = rest.get("BlockDurationMinutes") instanceof Number n ? n.longValue() : 0;
    privateIpOnly = bool(rest, "PrivateIPOnly");
    usePrivateIp = bool(rest, "UsePrivateIP");
    useEbsOptimizedInstance = bool(rest, "UseEbsOptimizedInstance");
    monitoring = bool(rest, "Monitoring");
    sshPrivateKeyPath = string(rest, "SSHPrivateKeyPath");
    retryCount = integer(rest, "RetryCount");
    endpoint = string(rest, "Endpoint");
    disableSsl = bool(rest, "DisableSSL");
    userDataFile = string(rest, "UserDataFile");
  }

  @Override
  protected void writeOwnFields(Map<String, Object> blob) {
    blob.put("Id", id);
    blob.put("AccessKey", accessKey);
    blob.put("SecretKey", secretKey);
    blob.put("SessionToken", sessionToken);
    blob.put("Region", region);
    blob.put("AMI", ami);
    blob.put("SSHKeyID", sshKeyId);
    blob.put("ExistingKey", existingKey);
    blob.put("KeyName", keyName);
    blob.put("InstanceId", instanceId);
    blob.put("InstanceType", instanceType);
    blob.put("PrivateIPAddress", privateIpAddress);
    blob.put("SecurityGroupId", securityGroupId);
    blob.put("SecurityGroupIds", securityGroupIds);
    blob.put("SecurityGroupName", securityGroupName);
    blob.put("SecurityGroupNames", securityGroupNames);
    blob.put("SecurityGroupReadOnly", securityGroupReadOnly);
    blob.put("OpenPorts", openPorts);
    blob.put("Tags", tags);
    blob.put("ReservationId", reservationId);
    blob.put("DeviceName", deviceName);
    blob.put("RootSize", rootSize);
    blob.put("VolumeType", volumeType);
    blob.put("IamInstanceProfile", iamInstanceProfile);
    blob.put("VpcId", vpcId);
    blob.put("SubnetId", subnetId);
    blob.put("Zone", zone);
    blob.put("RequestSpotInstance", requestSpotInstance);
    blob.put("SpotPrice", spotPrice);
    blob.put("BlockDurationMinutes", blockDurationMinutes);
    blob.put("PrivateIPOnly", privateIpOnly);
    blob.put("UsePrivateIP", usePrivateIp);
    blob.put("UseEbsOptimizedInstance", useEbsOptimizedInstance);
    blob.put("Monitoring", monitoring);
    blob.put("SSHPrivateKeyPath", sshPrivateKeyPath);
    blob.put("RetryCount", retryCount);
    blob.put("Endpoint", endpoint);
    blob.put("DisableSSL", disableSsl);
    blob.put("UserDataFile", userDataFile);
  }

  @Override
  public String driverName() {
    return NAME;
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    endpoint = options.string("amazonec2-endpoint");
    String requestedRegion = options.string("amazonec2-region");
    if (!AmiTable.knows(requestedRegion) && endpoint.isEmpty()) {
      throw new MachineException("Invalid region specified");
    }
    String image = options.string("amazonec2-ami");
    accessKey = options.string("amazonec2-access-key");
    secretKey = options.string("amazonec2-secret-key");
    sessionToken = options.string("amazonec2-session-token");
    region = requestedRegion;
    ami = image.isEmpty() ? AmiTable.defaultAmi(requestedRegion) : image;
    requestSpotInstance = options.bool("amazonec2-request-spot-instance");
    spotPrice = options.string("amazonec2-spot-price");
    blockDurationMinutes = options.integer("amazonec2-block-duration-minutes");
    instanceType = options.string("amazonec2-instance-type");
    vpcId = options.string("amazonec2-vpc-id");
    subnetId = options.string("amazonec2-subnet-id");
    securityGroupNames = options.strings("amazonec2-security-group");
    securityGroupReadOnly = options.bool("amazonec2-security-group-readonly");
    tags = options.string("amazonec2-tags");
    zone = options.string("amazonec2-zone");
    deviceName = options.string("amazonec2-device-name");
    rootSize = options.integer("amazonec2-root-size");
    volumeType = options.string("amazonec2-volume-type");
    iamInstanceProfile = options.string("amazonec2-iam-instance-profile");
    sshUser = options.string("amazonec2-ssh-user");
    sshPort = options.integer("amazonec2-ssh-port");
    privateIpOnly = options.bool("amazonec2-private-address-only");
    usePrivateIp = options.bool("amazonec2-use-private-address");
    monitoring = options.bool("amazonec2-monitoring");
    useEbsOptimizedInstance = options.bool("amazonec2-use-ebs-optimized-instance");
    sshPrivateKeyPath = options.string("amazonec2-ssh-keypath");
    keyName = options.string("amazonec2-keypair-name");
    existingKey = !keyName.isEmpty();
    setSwarmConfigFromFlags(options);
    retryCount = options.integer("amazonec2-retries");
    List<String> ports = options.strings("amazonec2-open-port");
    openPorts = ports.isEmpty() ? null : List.copyOf(ports);
    userDataFile = options.string("amazonec2-userdata");
    disableSsl = options.bool("amazonec2-insecure-transport");
    if (disableSsl && endpoint.isEmpty()) {
      throw new MachineException(
          "using --amazonec2-insecure-transport also requires --amazonec2-endpoint");
    }
    if (!keyName.isEmpty() && sshPrivateKeyPath.isEmpty()) {
      throw new MachineException(
          "using --amazonec2-keypair-name also requires --amazonec2-ssh-keypath");
    }
    api();
    if (vpcId.isEmpty()) {
      try {
        vpcId = api().defaultVpcId();
      } catch (Ec2ApiException e) {
        services.info().accept("Couldn't determine your account Default VPC ID : " + quoted(e));
      }
    }
    if (subnetId.isEmpty() && vpcId.isEmpty()) {
      throw new MachineException(
          "amazonec2 driver requires either the --amazonec2-subnet-id or --amazonec2-vpc-id"
              + " option or an AWS Account with a default vpc-id");
    }
    if (!subnetId.isEmpty() && !vpcId.isEmpty()) {
      List<Ec2Api.Subnet> subnets = api().subnets(Map.of("subnet-id", List.of(subnetId)));
      if (subnets.isEmpty()) {
        throw new MachineException(
            "The desired subnet could not be located in this region. Is '--amazonec2-subnet-id'"
                + " or AWS_SUBNET_ID configured correctly?");
      }
      if (!subnets.get(0).vpcId().equals(vpcId)) {
        throw new MachineException("SubnetId: " + subnetId + " does not belong to VpcId: " + vpcId);
      }
    }
  }

  private static String quoted(Exception e) {
    return GoQuote.quote(e.getMessage());
  }

  @Override
  public void preCreateCheck() {
    checkPrerequisites();
  }

  /** The key pair must (or, for a machine-named one, must not) exist; a subnet must be found. */
  private void checkPrerequisites() {
    boolean keyShouldExist = !keyName.isEmpty();
    String key = keyShouldExist ? keyName : machineName;
    boolean exists = api().keyPairExists(key);
    if (keyShouldExist && !exists) {
      throw new MachineException(
          "There is no keypair with the name " + key + ". Please verify the key name provided.");
    }
    if (!keyShouldExist && exists) {
      throw new MachineException(
          "There is already a keypair with the name "
              + machineName
              + ".  Please either remove that keypair or use a different machine name.");
    }
    if (subnetId.isEmpty()) {
      String regionZone = regionZone();
      Map<String, List<String>> filters = new LinkedHashMap<>();
      filters.put("availability-zone", List.of(regionZone));
      filters.put("vpc-id", List.of(vpcId));
      List<Ec2Api.Subnet> subnets = api().subnets(filters);
      if (subnets.isEmpty()) {
        throw new MachineException(
            "unable to find a subnet that is both in the zone "
                + regionZone
                + " and belonging to VPC ID "
                + vpcId);
      }
      subnetId =
          subnets.stream()
              .filter(Ec2Api.Subnet::defaultForAz)
              .findFirst()
              .orElse(subnets.get(0))
              .id();
    }
  }

  /** With a custom endpoint the zone is taken as the full availability-zone name. */
  private String regionZone() {
    return endpoint.isEmpty() ? region + zone : zone;
  }

  @Override
  public void create() {
    checkPrerequisites();
    try {
      launch();
    } catch (MachineException e) {
      // docker-machine removes what it made so far; the create error is the one reported
      boolean interrupted = Thread.interrupted();
      try {
        // an interrupted thread would abort the very calls that cancel an open spot request
        remove();
      } catch (MachineException cleanup) {
        e.addSuppressed(cleanup);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      throw e;
    }
  }

  private void launch() {
    services.info().accept("Launching instance...");
    try {
      createKeyPair();
    } catch (MachineException e) {
      throw new MachineException("unable to create key pair: " + e.getMessage(), e);
    }
    configureSecurityGroups();
    String userData = base64UserData();
    Ec2Api.Launch launch =
        new Ec2Api.Launch(
            ami,
            regionZone(),
            keyName,
            instanceType,
            securityGroupIdList(),
            subnetId,
            !privateIpOnly,
            monitoring,
            iamInstanceProfile,
            useEbsOptimizedInstance,
            deviceName,
            rootSize,
            volumeType,
            userData);
    Ec2Api.Instance instance;
    if (requestSpotInstance) {
      instance =
          new SpotInstanceLauncher(api(), services.info(), services.sleeper())
              .launch(launch, spotPrice, blockDurationMinutes, id -> spotInstanceRequestId = id);
    } else {
      try {
        instance = api().runInstance(launch);
      } catch (Ec2ApiException e) {
        throw new MachineException("Error launching instance: " + e.getMessage(), e);
      }
    }
    instanceId = instance.id();
    waitFor(this::instanceIpAvailable);
    privateIpAddress = instance.privateIp();
    // docker-machine goes on when the instance is slow to report running: provisioning waits too
    try {
      waitFor(() -> currentState() == MachineState.RUNNING);
    } catch (MachineException e) {
      services.info().accept(e.getMessage());
    }
    try {
      api().createTags(instanceId, tagList());
    } catch (Ec2ApiException e) {
      throw new MachineException("Unable to tag instance " + instanceId + ": " + e.getMessage(), e);
    }
  }

  private boolean instanceIpAvailable() {
    try {
      ipAddress = getIp();
      return !ipAddress.isEmpty();
    } catch (MachineException e) {
      return false;
    }
  }

  private MachineState currentState() {
    try {
      return getState();
    } catch (MachineException e) {
      return MachineState.ERROR;
    }
  }

  /** libmachine's WaitFor: 60 tries, 3 seconds apart. */
  private void waitFor(BooleanSupplier condition) {
    for (int attempt = 0; attempt < MAX_POLLS; attempt++) {
      if (condition.getAsBoolean()) {
        return;
      }
      services.sleeper().sleep(POLL);
    }
    throw new MachineException("Maximum number of retries (" + MAX_POLLS + ") exceeded");
  }

  private void createKeyPair() {
    Path machineKey = Path.of(sshKeyPath());
    sshKeyPath = machineKey.toString();
    Path keyPath;
    if (sshPrivateKeyPath.isEmpty()) {
      MachineSshKeys.generateIfMissing(machineKey);
      keyPath = machineKey;
    } else {
      copy(Path.of(sshPrivateKeyPath), machineKey);
      copy(Path.of(sshPrivateKeyPath + ".pub"), Path.of(machineKey + ".pub"));
      if (!keyName.isEmpty()) {
        return;
      }
      keyPath = Path.of(sshPrivateKeyPath);
    }
    byte[] publicKey;
    try {
      publicKey = Files.readAllBytes(Path.of(keyPath + ".pub"));
    } catch (IOException e) {
      throw new MachineException(goOpenError(Path.of(keyPath + ".pub"), e), e);
    }
    api().importKeyPair(machineName, publicKey);
    keyName = machineName;
  }

  private static void copy(Path source, Path target) {
    try {
      AtomicFiles.write(target, Files.readAllBytes(source), AtomicFiles.PRIVATE_FILE);
    } catch (IOException e) {
      throw new MachineException(goOpenError(source, e), e);
    }
  }

  private static String goOpenError(Path file, IOException e) {
    return e instanceof NoSuchFileException
        ? "open " + file + ": no such file or directory"
        : e.getMessage();
  }

  /** The stored single name (configs from before 2016) comes first, as in docker-machine. */
  private List<String> securityGroupNameList() {
    List<String> names = new ArrayList<>();
    if (!securityGroupName.isEmpty()) {
      names.add(securityGroupName);
    }
    if (securityGroupNames != null) {
      names.addAll(securityGroupNames);
    }
    return names;
  }

  private List<String> securityGroupIdList() {
    List<String> ids = new ArrayList<>();
    if (!securityGroupId.isEmpty()) {
      ids.add(securityGroupId);
    }
    if (securityGroupIds != null) {
      ids.addAll(securityGroupIds);
    }
    return ids;
  }

  private void configureSecurityGroups() {
    List<String> names = securityGroupNameList();
    if (names.isEmpty()) {
      return;
    }
    Map<String, Ec2Api.SecurityGroup> byName = new LinkedHashMap<>();
    for (Ec2Api.SecurityGroup group : api().securityGroups(names, vpcId)) {
      byName.put(group.name(), group);
    }
    List<String> ids =
        securityGroupIds == null ? new ArrayList<>() : new ArrayList<>(securityGroupIds);
    for (String name : names) {
      Ec2Api.SecurityGroup group = byName.get(name);
      if (group == null) {
        String groupId = api().createSecurityGroup(name, "Docker Machine", vpcId);
        group = new Ec2Api.SecurityGroup(groupId, name, List.of());
        waitFor(() -> securityGroupAvailable(groupId));
      }
      ids.add(group.id());
      securityGroupIds = ids;
      List<Ec2Api.Permission> missing = missingPermissions(group);
      if (!missing.isEmpty()) {
        api().authorizeIngress(group.id(), missing);
      }
    }
  }

  private boolean securityGroupAvailable(String groupId) {
    try {
      return api().securityGroupExists(groupId);
    } catch (Ec2ApiException e) {
      return false;
    }
  }

  /** SSH, Docker, the swarm master's port and --amazonec2-open-port, unless already open. */
  private List<Ec2Api.Permission> missingPermissions(Ec2Api.SecurityGroup group) {
    if (securityGroupReadOnly) {
      return List.of();
    }
    List<Ec2Api.Permission> wanted = new ArrayList<>();
    wanted.add(new Ec2Api.Permission("tcp", sshPort()));
    wanted.add(new Ec2Api.Permission("tcp", DOCKER_PORT));
    if (swarmMaster) {
      wanted.add(new Ec2Api.Permission("tcp", swarmPort()));
    }
    for (String openPort : openPorts == null ? List.<String>of() : openPorts) {
      int slash = openPort.indexOf('/');
      String port = slash < 0 ? openPort : openPort.substring(0, slash);
      String protocol = slash < 0 ? "tcp" : openPort.substring(slash + 1);
      try {
        wanted.add(new Ec2Api.Permission(protocol, Integer.parseInt(port)));
      } catch (NumberFormatException e) {
        throw new MachineException(
            "invalid port number "
                + port
                + ": strconv.ParseInt: parsing "
                + GoQuote.quote(port)
                + ": invalid syntax",
            e);
      }
    }
    return wanted.stream().filter(p -> !group.permissions().contains(p)).distinct().toList();
  }

  private int swarmPort() {
    int colon = swarmHost.lastIndexOf(':');
    try {
      return colon < 0 ? DEFAULT_SWARM_PORT : Integer.parseInt(swarmHost.substring(colon + 1));
    } catch (NumberFormatException e) {
      return DEFAULT_SWARM_PORT;
    }
  }

  private String base64UserData() {
    if (userDataFile.isEmpty()) {
      return "";
    }
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(userDataFile)));
    } catch (IOException e) {
      throw new MachineException("unable to read --amazonec2-userdata file", e);
    }
  }

  /** "Name" = the machine, then --amazonec2-tags read as key,value pairs. */
  private List<Map.Entry<String, String>> tagList() {
    List<Map.Entry<String, String>> list = new ArrayList<>();
    list.add(Map.entry("Name", machineName));
    if (!tags.isEmpty()) {
      String[] parts = tags.split(",", -1);
      if (parts.length % 2 != 0) {
        services
            .info()
            .accept("Tags are not key value in pairs. " + parts.length + " elements found");
      }
      for (int i = 0; i + 1 < parts.length; i += 2) {
        list.add(Map.entry(parts[i], parts[i + 1]));
      }
    }
    return list;
  }

  @Override
  public String getIp() {
    Ec2Api.Instance instance = api().instance(instanceId);
    if (privateIpOnly || usePrivateIp) {
      if (instance.privateIp().isEmpty()) {
        throw new MachineException("No private IP for instance " + instanceId);
      }
      return instance.privateIp();
    }
    if (instance.publicIp().isEmpty()) {
      throw new MachineException("No IP for instance " + instanceId);
    }
    return instance.publicIp();
  }

  @Override
  public String sshUsername() {
    return sshUser.isEmpty() ? DEFAULT_SSH_USER : sshUser;
  }

  @Override
  public MachineState getState() {
    return switch (api().instance(instanceId).state()) {
      case "pending" -> MachineState.STARTING;
      case "running" -> MachineState.RUNNING;
      case "stopping", "shutting-down" -> MachineState.STOPPING;
      case "stopped" -> MachineState.STOPPED;
      default -> MachineState.ERROR;
    };
  }

  @Override
  public String getUrl() {
    if (getState() != MachineState.RUNNING) {
      throw new MachineException("Host is not running");
    }
    String ip = getIp();
    return "tcp://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + DOCKER_PORT;
  }

  @Override
  public void start() {
    api().startInstance(instanceId);
    waitFor(() -> currentState() == MachineState.RUNNING);
  }

  @Override
  public void stop() {
    api().stopInstance(instanceId, false);
  }

  @Override
  public void restart() {
    api().rebootInstance(instanceId);
  }

  @Override
  public void kill() {
    api().stopInstance(instanceId, true);
  }

  /**
   * Terminates the instance, closes its spot request and deletes the key pair this driver imported;
   * an instance EC2 no longer knows is only reported. Every failure is collected, as
   * docker-machine's MultiError does.
   */
  @Override
  public void remove() {
    List<String> errors = new ArrayList<>();
    collect(errors, this::cancelCreatingSpotRequest);
    collect(errors, this::terminate);
    collect(errors, this::cancelSpotRequestsOfInstance);
    if (!existingKey) {
      collect(errors, this::deleteKeyPair);
    }
    if (!errors.isEmpty()) {
      throw new MachineException(String.join("\n", errors));
    }
  }

  private static void collect(List<String> errors, Runnable step) {
    try {
      step.run();
    } catch (MachineException e) {
      errors.add(e.getMessage());
    }
  }

  /**
   * A create that fails after RequestSpotInstances cancels the request before terminating, unlike
   * docker-machine, so that EC2 cannot fulfil it in between and leave an instance nobody removes
   * (docker/machine#3555); an instance the request already launched is then terminated too.
   */
  private void cancelCreatingSpotRequest() {
    if (spotInstanceRequestId.isEmpty()) {
      return;
    }
    api().cancelSpotRequest(spotInstanceRequestId);
    if (instanceId.isEmpty()) {
      instanceId = api().spotRequest(spotInstanceRequestId).instanceId();
    }
  }

  /**
   * docker-machine forgets the request id once create is done, so rm finds the requests through the
   * instance and cancels any EC2 still holds open or active.
   */
  private void cancelSpotRequestsOfInstance() {
    if (!requestSpotInstance || !spotInstanceRequestId.isEmpty() || instanceId.isEmpty()) {
      return;
    }
    for (Ec2Api.SpotRequest request : api().spotRequestsOfInstance(instanceId)) {
      if (request.state().equals("open") || request.state().equals("active")) {
        api().cancelSpotRequest(request.id());
      }
    }
  }

  private void terminate() {
    if (instanceId.isEmpty()) {
      services
          .info()
          .accept("Missing instance ID, this is likely due to a failure during machine creation");
      return;
    }
    try {
      api().terminateInstance(instanceId);
    } catch (Ec2ApiException e) {
      if ("InvalidInstanceID.NotFound".equals(e.code())) {
        services
            .info()
            .accept("Remote instance does not exist, proceeding with removing local reference");
        return;
      }
      throw new MachineException("unable to terminate instance: " + e.getMessage(), e);
    }
  }

  private void deleteKeyPair() {
    if (keyName.isEmpty()) {
      services
          .info()
          .accept("Missing key pair name, this is likely due to a failure during machine creation");
      return;
    }
    api().deleteKeyPair(keyName);
  }

  private Ec2Api api() {
    if (api == null) {
      api =
          services
              .connect()
              .apply(
                  new Ec2Settings(
                      region,
                      accessKey,
                      secretKey,
                      sessionToken,
                      endpoint,
                      disableSsl,
                      retryCount));
    }
    return api;
  }

  /** docker-machine's machine id: the hex MD5 of ten random bytes. */
  private static String newId() {
    byte[] random = new byte[10];
    new SecureRandom().nextBytes(random);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(random));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
