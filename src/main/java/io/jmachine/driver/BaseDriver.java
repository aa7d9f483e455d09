package io.jmachine.driver;

import static io.jmachine.json.JsonFields.bool;
import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.string;

import io.jmachine.error.MachineException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields every docker-machine driver stores first in its config blob, with libmachine's
 * defaults. Keys a subclass does not know are kept and written back, so a blob written by a newer
 * docker-machine or a plugin survives a save.
 */
public abstract class BaseDriver implements Driver {
  private static final String[] BASE_KEYS = {
    "IPAddress",
    "MachineName",
    "SSHUser",
    "SSHPort",
    "SSHKeyPath",
    "StorePath",
    "SwarmMaster",
    "SwarmHost",
    "SwarmDiscovery"
  };

  protected String ipAddress = "";
  protected String machineName;
  protected String sshUser = "";
  protected int sshPort;
  protected String sshKeyPath = "";
  protected String storePath;
  protected boolean swarmMaster;
  protected String swarmHost = "";
  protected String swarmDiscovery = "";
  private final Map<String, Object> unknownFields = new LinkedHashMap<>();

  protected BaseDriver(String machineName, String storePath) {
    this.machineName = machineName;
    this.storePath = storePath;
  }

  /**
   * Reads the base fields; returns the remaining fields for the subclass to take its own. All of
   * them are kept: toJson writes back those the subclass did not write itself.
   */
  protected Map<String, Object> readBase(Map<String, Object> blob) {
    ipAddress = string(blob, "IPAddress");
    machineName = string(blob, "MachineName");
    sshUser = string(blob, "SSHUser");
    sshPort = integer(blob, "SSHPort");
    sshKeyPath = string(blob, "SSHKeyPath");
    storePath = string(blob, "StorePath");
    swarmMaster = bool(blob, "SwarmMaster");
    swarmHost = string(blob, "SwarmHost");
    swarmDiscovery = string(blob, "SwarmDiscovery");
    Map<String, Object> rest = new LinkedHashMap<>(blob);
    for (String key : BASE_KEYS) {
      rest.remove(key);
    }
    unknownFields.putAll(rest);
    return rest;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("IPAddress", ipAddress);
    o.put("MachineName", machineName);
    o.put("SSHUser", sshUser);
    o.put("SSHPort", sshPort);
    o.put("SSHKeyPath", sshKeyPath);
    o.put("StorePath", storePath);
    o.put("SwarmMaster", swarmMaster);
    o.put("SwarmHost", swarmHost);
    o.put("SwarmDiscovery", swarmDiscovery);
    writeOwnFields(o);
    unknownFields.forEach(o::putIfAbsent);
    return o;
  }

  /** Appends the driver's own fields after the base ones. */
  protected abstract void writeOwnFields(Map<String, Object> blob);

  /** The swarm settings every driver copies from the shared create flags. */
  protected void setSwarmConfigFromFlags(DriverOptions options) {
    swarmMaster = options.bool("swarm-master");
    swarmHost = options.string("swarm-host");
    swarmDiscovery = options.string("swarm-discovery");
  }

  @Override
  public String machineName() {
    return machineName;
  }

  @Override
  public String getIp() {
    if (ipAddress.isEmpty()) {
      throw new MachineException("IP address is not set");
    }
    return ipAddress;
  }

  @Override
  public String sshHostname() {
    return getIp();
  }

  @Override
  public int sshPort() {
    return sshPort == 0 ? 22 : sshPort;
  }

  @Override
  public String sshUsername() {
    return sshUser.isEmpty() ? "root" : sshUser;
  }

  @Override
  public String sshKeyPath() {
    if (sshKeyPath.isEmpty()) {
      return Path.of(storePath, "machines", machineName, "id_rsa").toString();
    }
    return sshKeyPath;
  }

  @Override
  public void preCreateCheck() {}
}
