package io.jmachine.drivers.none;

import io.jmachine.driver.BaseDriver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import java.net.URI;
import java.util.Map;

/** An existing Docker engine registered by URL: nothing to create, power or reach over SSH. */
final class NoneDriver extends BaseDriver {
  static final String NAME = "none";
  private String url = "";

  NoneDriver(String machineName, String storePath) {
    super(machineName, storePath);
  }

  NoneDriver(Map<String, Object> blob) {
    super("", "");
    Map<String, Object> rest = readBase(blob);
    Object stored = rest.get("URL");
    url = stored == null ? "" : stored.toString();
  }

  @Override
  protected void writeOwnFields(Map<String, Object> blob) {
    blob.put("URL", url);
  }

  @Override
  public String driverName() {
    return NAME;
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    String value = options.string("url");
    if (value.isEmpty()) {
      throw new MachineException("--url option is required when no driver is selected");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new MachineException("Invalid --url \"" + value + "\": " + e.getReason());
    }
    url = value;
    // docker-machine stores Go's url.Host here: host and port together, without any user info
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    ipAddress = authority.substring(authority.lastIndexOf('@') + 1);
  }

  @Override
  public String getUrl() {
    return url;
  }

  @Override
  public String getIp() {
    return ipAddress;
  }

  @Override
  public MachineState getState() {
    return MachineState.RUNNING;
  }

  @Override
  public String sshHostname() {
    return "";
  }

  @Override
  public int sshPort() {
    return 0;
  }

  @Override
  public String sshUsername() {
    return "";
  }

  @Override
  public String sshKeyPath() {
    return "";
  }

  @Override
  public boolean reachableOverSsh() {
    return false;
  }

  @Override
  public void create() {}

  @Override
  public void remove() {}

  @Override
  public void start() {
    throw new MachineException("hosts without a driver cannot be started");
  }

  @Override
  public void stop() {
    throw new MachineException("hosts without a driver cannot be stopped");
  }

  @Override
  public void restart() {
    throw new MachineException("hosts without a driver cannot be restarted");
  }

  @Override
  public void kill() {
    throw new MachineException("hosts without a driver cannot be killed");
  }
}
