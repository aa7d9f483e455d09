package io.jmachine.drivers.generic;

import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.string;

import io.jmachine.driver.BaseDriver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.ssh.SshClient;
import io.jmachine.ssh.SshConnector;
import io.jmachine.ssh.SshResult;
import io.jmachine.ssh.SshTarget;
import io.jmachine.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A machine that exists already: jmachine only knows its address and how to log in. It cannot be
 * powered on or off; it is "Running" while its SSH port answers.
 */
final class GenericDriver extends BaseDriver {
  static final String NAME = "generic";
  static final int DEFAULT_ENGINE_PORT = 2376;
  private static final Duration STATE_PROBE_TIMEOUT = Duration.ofSeconds(15);

  /** What the driver needs from outside: a progress sink, SSH, and the state probe. */
  record Services(Consumer<String> info, SshConnector ssh, PortProbe probe) {}

  private final Services services;
  private int enginePort = DEFAULT_ENGINE_PORT;
  private String sshKey = "";

  GenericDriver(String machineName, String storePath, Services services) {
    super(machineName, storePath);
    this.services = services;
  }

  GenericDriver(Map<String, Object> blob, Services services) {
    super("", "");
    this.services = services;
    Map<String, Object> rest = readBase(blob);
    enginePort = rest.containsKey("EnginePort") ? integer(rest, "EnginePort") : DEFAULT_ENGINE_PORT;
    sshKey = string(rest, "SSHKey");
  }

  @Override
  protected void writeOwnFields(Map<String, Object> blob) {
    blob.put("EnginePort", enginePort);
    blob.put("SSHKey", sshKey);
  }

  @Override
  public String driverName() {
    return NAME;
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    enginePort = options.integer("generic-engine-port");
    ipAddress = options.string("generic-ip-address");
    sshUser = options.string("generic-ssh-user");
    sshKey = options.string("generic-ssh-key");
    sshPort = options.integer("generic-ssh-port");
    // no swarm fields: docker-machine's generic driver leaves them empty in its blob
    if (ipAddress.isEmpty()) {
      throw new MachineException("generic driver requires the --generic-ip-address option");
    }
  }

  @Override
  public void preCreateCheck() {
    if (!sshKey.isEmpty() && !Files.exists(Path.of(sshKey))) {
      throw new MachineException("SSH key does not exist: \"" + sshKey + "\"");
    }
  }

  @Override
  public void create() {
    if (sshKey.isEmpty()) {
      services
          .info()
          .accept("No SSH key specified. Assuming an existing key at the default location.");
      return;
    }
    services.info().accept("Importing SSH key...");
    Path copy = machineDir().resolve(Path.of(sshKey).getFileName().toString());
    copyKey(Path.of(sshKey), copy);
    sshKeyPath = copy.toString();
    try {
      copyKey(Path.of(sshKey + ".pub"), Path.of(sshKeyPath + ".pub"));
    } catch (MachineException e) {
      // docker-machine only logs this: the private key is what logging in needs
      services.info().accept("Couldn't copy SSH public key : " + e.getMessage());
    }
  }

  private static void copyKey(Path source, Path copy) {
    byte[] key;
    try {
      key = Files.readAllBytes(source);
    } catch (IOException e) {
      throw new MachineException("unable to copy ssh key: " + goReason(source, e), e);
    }
    try {
      AtomicFiles.write(copy, key, AtomicFiles.PRIVATE_FILE);
    } catch (IOException e) {
      throw new MachineException("unable to copy ssh key: " + goReason(copy, e), e);
    }
  }

  /** Go's wording for a file that cannot be copied (the JDK's is often just the path). */
  private static String goReason(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "open " + file + ": no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "open " + file + ": permission denied";
    }
    if (Files.isDirectory(file)) {
      return "read " + file + ": is a directory";
    }
    return e.getMessage();
  }

  private Path machineDir() {
    return Path.of(storePath, "machines", machineName);
  }

  @Override
  public MachineState getState() {
    return services.probe().answers(ipAddress, sshPort(), STATE_PROBE_TIMEOUT)
        ? MachineState.RUNNING
        : MachineState.STOPPED;
  }

  @Override
  public String getUrl() {
    if (getState() != MachineState.RUNNING) {
      throw new MachineException("Host is not running");
    }
    String host = ipAddress.contains(":") ? "[" + ipAddress + "]" : ipAddress;
    return "tcp://" + host + ":" + enginePort;
  }

  /** The stored key path, possibly empty (agent and default keys), unlike other drivers. */
  @Override
  public String sshKeyPath() {
    return sshKeyPath;
  }

  @Override
  public String sshUsername() {
    return sshUser;
  }

  @Override
  public void remove() {}

  @Override
  public void start() {
    throw new MachineException("generic driver does not support start");
  }

  @Override
  public void stop() {
    throw new MachineException("generic driver does not support stop");
  }

  @Override
  public void kill() {
    throw new MachineException("generic driver does not support kill");
  }

  @Override
  public void restart() {
    try (SshClient ssh = services.ssh().open(SshTarget.of(this, machineDir()))) {
      SshResult result = ssh.run("sudo shutdown -r now");
      if (!result.succeeded()) {
        throw new MachineException(
            "sudo shutdown -r now failed with exit status "
                + result.exitStatus()
                + ": "
                + result.output().strip());
      }
    }
  }
}
