package io.jmachine.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The drivers this build knows, by name. */
public final class DriverRegistry {
  private final Map<String, DriverFactory> factories = new TreeMap<>();

  public DriverRegistry(List<DriverFactory> factories) {
    factories.forEach(f -> this.factories.put(f.name(), f));
  }

  public Optional<DriverFactory> find(String name) {
    return Optional.ofNullable(factories.get(name));
  }

  public DriverFactory require(String name) {
    return find(name).orElseThrow(() -> new DriverNotFoundException(name, names()));
  }

  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /** The driver of a stored machine, or a stand-in when this build lacks it. */
  public Driver load(String driverName, String machineName, Map<String, Object> blob) {
    return find(driverName)
        .map(f -> f.fromJson(blob))
        .orElseGet(() -> new MissingDriver(driverName, machineName, blob));
  }
}
