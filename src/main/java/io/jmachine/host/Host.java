package io.jmachine.host;

import io.jmachine.driver.Driver;
import java.util.LinkedHashMap;
import java.util.Map;

/** One machine as config.json describes it (ConfigVersion 3). */
public final class Host {
  public static final int CONFIG_VERSION = 3;

  private final String name;
  private final Driver driver;
  private final String driverName;
  private final HostOptions options;

  public Host(String name, Driver driver, String driverName, HostOptions options) {
    this.name = name;
    this.driver = driver;
    this.driverName = driverName;
    this.options = options;
  }

  public String name() {
    return name;
  }

  public Driver driver() {
    return driver;
  }

  /** The driver name as stored, even when this build lacks that driver. */
  public String driverName() {
    return driverName;
  }

  public HostOptions options() {
    return options;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ConfigVersion", CONFIG_VERSION);
    o.put("Driver", driver.toJson());
    o.put("DriverName", driverName);
    o.put("HostOptions", options.toJson());
    o.put("Name", name);
    return o;
  }
}
