package io.jmachine.driver;

import io.jmachine.error.MachineException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stands in for a stored machine whose driver this build does not have, as docker-machine does when
 * a plugin binary is missing: the machine still lists (state Error) and its config blob is written
 * back untouched.
 */
public final class MissingDriver implements Driver {
  private final String wantedDriver;
  private final String machineName;
  private final Map<String, Object> blob;

  public MissingDriver(String wantedDriver, String machineName, Map<String, Object> blob) {
    this.wantedDriver = wantedDriver;
    this.machineName = machineName;
    this.blob = new LinkedHashMap<>(blob);
  }

  private MachineException notFound() {
    return new MachineException(
        "Driver \""
            + wantedDriver
            + "\" not found. Do you have the plugin binary accessible in your PATH?");
  }

  @Override
  public String driverName() {
    return "not-found";
  }

  @Override
  public String machineName() {
    return machineName;
  }

  @Override
  public Map<String, Object> toJson() {
    return new LinkedHashMap<>(blob);
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    throw notFound();
  }

  @Override
  public String getUrl() {
    throw notFound();
  }

  @Override
  public String getIp() {
    throw notFound();
  }

  @Override
  public MachineState getState() {
    throw notFound();
  }

  @Override
  public String sshHostname() {
    throw notFound();
  }

  @Override
  public int sshPort() {
    throw notFound();
  }

  @Override
  public String sshUsername() {
    throw notFound();
  }

  @Override
  public String sshKeyPath() {
    throw notFound();
  }

  @Override
  public void preCreateCheck() {
    throw notFound();
  }

  @Override
  public void create() {
    throw notFound();
  }

  @Override
  public void remove() {
    throw notFound();
  }

  @Override
  public void start() {
    throw notFound();
  }

  @Override
  public void stop() {
    throw notFound();
  }

  @Override
  public void restart() {
    throw notFound();
  }

  @Override
  public void kill() {
    throw notFound();
  }

  @Override
  public boolean reachableOverSsh() {
    throw notFound();
  }
}
