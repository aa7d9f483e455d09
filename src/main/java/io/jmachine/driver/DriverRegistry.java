package io.jmachine.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The drivers this build knows, by name, and those that external plugins provide. */
public final class DriverRegistry {
  private final Map<String, DriverFactory> factories = new TreeMap<>();
  private final Function<String, Optional<DriverFactory>> external;

  public DriverRegistry(List<DriverFactory> factories) {
    this(factories, name -> Optional.empty());
  }

  /**
   * @param external looks up a name no built-in driver answers to (plugin binaries); asked only
   *     then, so that a store of built-in machines never pays for it
   */
  public DriverRegistry(
      List<DriverFactory> factories, Function<String, Optional<DriverFactory>> external) {
    factories.forEach(f -> this.factories.put(f.name(), f));
    this.external = external;
  }

  public Optional<DriverFactory> find(String name) {
    DriverFactory builtIn = factories.get(name);
    return builtIn != null ? Optional.of(builtIn) : external.apply(name);
  }

  public DriverFactory require(String name) {
    return find(name).orElseThrow(() -> new DriverNotFoundException(name, names()));
  }

  /** The built-in drivers' names. */
  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /** The driver of a stored machine, or a stand-in when neither this build nor PATH has it. */
  public Driver load(String driverName, String machineName, Map<String, Object> blob) {
    return find(driverName)
        .map(f -> f.fromJson(blob))
        .orElseGet(() -> new MissingDriver(driverName, machineName, blob));
  }
}
