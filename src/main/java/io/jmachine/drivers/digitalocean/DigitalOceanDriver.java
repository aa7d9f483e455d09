package io.jmachine.drivers.digitalocean;

import static io.jmachine.json.JsonFields.bool;
import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.string;

import io.jmachine.driver.BaseDriver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.error.GoQuote;
import io.jmachine.error.MachineException;
import io.jmachine.machine.Sleeper;
import io.jmachine.ssh.MachineSshKeys;
import io.jmachine.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** A droplet made and powered through DigitalOcean's API v2 (spec §7.7). */
final class DigitalOceanDriver extends BaseDriver {
  static final String NAME = "digitalocean";
  static final String DEFAULT_IMAGE = "ubuntu-16-04-x64";
  static final String DEFAULT_REGION = "nyc3";
  static final String DEFAULT_SIZE = "s-1vcpu-1gb";
  static final String DEFAULT_SSH_USER = "root";
  static final int DEFAULT_SSH_PORT = 22;
  static final Duration IP_POLL = Duration.ofSeconds(1);

  /** docker-machine polls for the address forever; ten minutes is far beyond any real wait. */
  static final int MAX_IP_POLLS = 600;

  /**
   * What the driver needs from outside: a progress sink, the API for a token, and the wait between
   * address polls.
   */
  record Services(
      Consumer<String> info, Function<String, DigitalOceanApi> connect, Sleeper sleeper) {}

  private final Services services;
  private DigitalOceanApi api;
  private String accessToken = "";
  private int dropletId;
  private String dropletName = "";
  private String image = DEFAULT_IMAGE;
  private String region = DEFAULT_REGION;
  private int sshKeyId;
  private String sshKeyFingerprint = "";
  private String sshKey = "";
  private String size = DEFAULT_SIZE;
  private boolean ipv6;
  private boolean backups;
  private boolean privateNetworking;
  private String userDataFile = "";
  private boolean monitoring;
  private String tags = "";

  DigitalOceanDriver(String machineName, String storePath, Services services) {
    super(machineName, storePath);
    this.services = services;
  }

  DigitalOceanDriver(Map<String, Object> blob, Services services) {
    super("", "");
    this.services = services;
    Map<String, Object> rest = readBase(blob);
    accessToken = string(rest, "AccessToken");
    dropletId = integer(rest, "DropletID");
    dropletName = string(rest, "DropletName");
    // docker-machine decodes into a driver that already holds these defaults
    image = rest.containsKey("Image") ? string(rest, "Image") : DEFAULT_IMAGE;
    region = rest.containsKey("Region") ? string(rest, "Region") : DEFAULT_REGION;
    sshKeyId = integer(rest, "SSHKeyID");
    sshKeyFingerprint = string(rest, "SSHKeyFingerprint");
    sshKey = string(rest, "SSHKey");
    size = rest.containsKey("Size") ? string(rest, "Size") : DEFAULT_SIZE;
    ipv6 = bool(rest, "IPv6");
    backups = bool(rest, "Backups");
    privateNetworking = bool(rest, "PrivateNetworking");
    userDataFile = string(rest, "UserDataFile");
    monitoring = bool(rest, "Monitoring");
    tags = string(rest, "Tags");
  }

  @Override
  protected void writeOwnFields(Map<String, Object> blob) {
    blob.put("AccessToken", accessToken);
    blob.put("DropletID", dropletId);
    blob.put("DropletName", dropletName);
    blob.put("Image", image);
    blob.put("Region", region);
    blob.put("SSHKeyID", sshKeyId);
    blob.put("SSHKeyFingerprint", sshKeyFingerprint);
    blob.put("SSHKey", sshKey);
    blob.put("Size", size);
    blob.put("IPv6", ipv6);
    blob.put("Backups", backups);
    blob.put("PrivateNetworking", privateNetworking);
    blob.put("UserDataFile", userDataFile);
    blob.put("Monitoring", monitoring);
    blob.put("Tags", tags);
  }

  @Override
  public String driverName() {
    return NAME;
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    accessToken = options.string("digitalocean-access-token");
    image = options.string("digitalocean-image");
    region = options.string("digitalocean-region");
    size = options.string("digitalocean-size");
    ipv6 = options.bool("digitalocean-ipv6");
    privateNetworking = options.bool("digitalocean-private-networking");
    backups = options.bool("digitalocean-backups");
    userDataFile = options.string("digitalocean-userdata");
    sshUser = options.string("digitalocean-ssh-user");
    sshPort = options.integer("digitalocean-ssh-port");
    sshKeyFingerprint = options.string("digitalocean-ssh-key-fingerprint");
    sshKey = options.string("digitalocean-ssh-key-path");
    monitoring = options.bool("digitalocean-monitoring");
    tags = options.string("digitalocean-tags");
    setSwarmConfigFromFlags(options);
    if (accessToken.isEmpty()) {
      throw new MachineException(
          "digitalocean driver requires the --digitalocean-access-token option");
    }
  }

  @Override
  public void preCreateCheck() {
    if (!userDataFile.isEmpty() && !Files.exists(Path.of(userDataFile))) {
      throw new MachineException("user-data file " + userDataFile + " could not be found");
    }
    if (!sshKey.isEmpty()) {
      if (sshKeyFingerprint.isEmpty()) {
        throw new MachineException(
            "ssh-key-fingerprint needs to be provided for " + GoQuote.quote(sshKey));
      }
      if (!Files.exists(Path.of(sshKey))) {
        throw new MachineException("SSH key does not exist: " + GoQuote.quote(sshKey));
      }
    }
    if (!api().regionSlugs().contains(region)) {
      throw new MachineException("digitalocean requires a valid region");
    }
  }

  @Override
  public void create() {
    String userData = userDataFile.isEmpty() ? "" : readUserData();
    services.info().accept("Creating SSH key...");
    sshKeyId = accountKey().id();
    services.info().accept("Creating Digital Ocean droplet...");
    dropletId =
        api()
            .createDroplet(
                new DigitalOceanApi.DropletRequest(
                    machineName,
                    region,
                    size,
                    image,
                    sshKeyId,
                    backups,
                    ipv6,
                    privateNetworking,
                    monitoring,
                    userData,
                    tagList()))
            .id();
    services.info().accept("Waiting for IP address to be assigned to the Droplet...");
    ipAddress = awaitPublicAddress();
  }

  private String readUserData() {
    try {
      return Files.readString(Path.of(userDataFile), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MachineException(goOpenError(Path.of(userDataFile), e), e);
    }
  }

  /**
   * The account key the droplet gets: the named one (its private half copied into the machine
   * folder when given), or a new pair made here and uploaded.
   */
  private DigitalOceanApi.AccountKey accountKey() {
    sshKeyPath = resolvedKeyPath();
    if (!sshKeyFingerprint.isEmpty()) {
      DigitalOceanApi.AccountKey key;
      try {
        key = api().keyByFingerprint(sshKeyFingerprint);
      } catch (DigitalOceanApiException e) {
        if (e.isNotFound()) {
          throw new MachineException(
              "Digital Ocean SSH key with fingerprint " + sshKeyFingerprint + " doesn't exist", e);
        }
        throw e;
      }
      if (sshKey.isEmpty()) {
        services.info().accept("Assuming Digital Ocean private SSH is located at ~/.ssh/id_rsa");
      } else {
        copyKey(Path.of(sshKey), Path.of(sshKeyPath));
      }
      return key;
    }
    Path privateKey = Path.of(sshKeyPath);
    MachineSshKeys.generateIfMissing(privateKey);
    String publicKey;
    try {
      publicKey = Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub"));
    } catch (IOException e) {
      throw new MachineException(e.getMessage(), e);
    }
    return api().createKey(machineName, publicKey);
  }

  private static void copyKey(Path source, Path copy) {
    try {
      AtomicFiles.write(copy, Files.readAllBytes(source), AtomicFiles.PRIVATE_FILE);
    } catch (IOException e) {
      throw new MachineException("unable to copy ssh key: " + goOpenError(source, e), e);
    }
  }

  private static String goOpenError(Path file, IOException e) {
    return e instanceof NoSuchFileException
        ? "open " + file + ": no such file or directory"
        : e.getMessage();
  }

  private List<String> tagList() {
    List<String> list = new ArrayList<>();
    for (String tag : tags.split(",", -1)) {
      if (!tag.strip().isEmpty()) {
        list.add(tag.strip());
      }
    }
    return list;
  }

  private String awaitPublicAddress() {
    for (int poll = 0; poll < MAX_IP_POLLS; poll++) {
      String ip = api().droplet(dropletId).publicIpv4();
      if (!ip.isEmpty()) {
        return ip;
      }
      services.sleeper().sleep(IP_POLL);
    }
    throw new MachineException(
        "Droplet " + dropletId + " got no public IPv4 address within " + MAX_IP_POLLS + " seconds");
  }

  /**
   * docker-machine's key path rule: a copy of --digitalocean-ssh-key-path, else the generated
   * id_rsa, else (an account key without a local file) whatever is stored, usually "" so that ssh's
   * own defaults apply.
   */
  private String resolvedKeyPath() {
    Path machineDir = Path.of(storePath, "machines", machineName);
    if (!sshKey.isEmpty()) {
      return machineDir.resolve(Path.of(sshKey).getFileName().toString()).toString();
    }
    if (sshKeyPath.isEmpty() && sshKeyFingerprint.isEmpty()) {
      return machineDir.resolve("id_rsa").toString();
    }
    return sshKeyPath;
  }

  @Override
  public String sshKeyPath() {
    return resolvedKeyPath();
  }

  @Override
  public MachineState getState() {
    return switch (api().droplet(dropletId).status()) {
      case "new" -> MachineState.STARTING;
      case "active" -> MachineState.RUNNING;
      case "off" -> MachineState.STOPPED;
      default -> MachineState.NONE;
    };
  }

  @Override
  public String getUrl() {
    if (getState() != MachineState.RUNNING) {
      throw new MachineException("Host is not running");
    }
    String ip = getIp();
    return "tcp://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":2376";
  }

  @Override
  public void start() {
    api().dropletAction(dropletId, "power_on");
  }

  @Override
  public void stop() {
    api().dropletAction(dropletId, "shutdown");
  }

  @Override
  public void restart() {
    api().dropletAction(dropletId, "reboot");
  }

  @Override
  public void kill() {
    api().dropletAction(dropletId, "power_off");
  }

  /** Deletes the uploaded key (not an account key named by fingerprint) and the droplet. */
  @Override
  public void remove() {
    if (sshKeyFingerprint.isEmpty()) {
      deleteTolerantly(
          () -> api().deleteKey(sshKeyId),
          "Digital Ocean SSH key doesn't exist, assuming it is already deleted");
    }
    deleteTolerantly(
        () -> api().deleteDroplet(dropletId),
        "Digital Ocean droplet doesn't exist, assuming it is already deleted");
  }

  private void deleteTolerantly(Runnable delete, String whenGone) {
    try {
      delete.run();
    } catch (DigitalOceanApiException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      services.info().accept(whenGone);
    }
  }

  private DigitalOceanApi api() {
    if (api == null) {
      api = services.connect().apply(accessToken);
    }
    return api;
  }
}
