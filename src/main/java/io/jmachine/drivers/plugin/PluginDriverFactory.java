package io.jmachine.drivers.plugin;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverFlag;
import io.jmachine.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drivers of one plugin binary. As in docker-machine's create, one plugin serves both the create
 * flags and the new machine; every stored machine gets a plugin of its own, started when its driver
 * is first asked something.
 */
final class PluginDriverFactory implements DriverFactory {
  private final String name;
  private final Path binary;
  private final PluginDrivers plugins;
  private PluginClient forCreate;
  private List<DriverFlag> createFlags;

  PluginDriverFactory(String name, Path binary, PluginDrivers plugins) {
    this.name = name;
    this.binary = binary;
    this.plugins = plugins;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized List<DriverFlag> createFlags() {
    if (createFlags == null) {
      createFlags = PluginFlags.fromCreateFlags(forCreate("", "").call("GetCreateFlags"));
    }
    return createFlags;
  }

  @Override
  public synchronized Driver newDriver(String machineName, String storePath) {
    PluginClient plugin = forCreate(machineName, storePath);
    plugin.setConfigRaw(baseDriver(machineName, storePath));
    return new PluginDriver(name, Map.of(), LazyPlugin.started(plugin));
  }

  private PluginClient forCreate(String machineName, String storePath) {
    if (forCreate == null) {
      forCreate = plugins.launch(name, binary, baseDriver(machineName, storePath));
    }
    return forCreate;
  }

  /** What docker-machine hands a plugin for a new machine: a BaseDriver with name and store. */
  private static byte[] baseDriver(String machineName, String storePath) {
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("IPAddress", "");
    base.put("MachineName", machineName);
    base.put("SSHUser", "");
    base.put("SSHPort", 0);
    base.put("SSHKeyPath", "");
    base.put("StorePath", storePath);
    base.put("SwarmMaster", false);
    base.put("SwarmHost", "");
    base.put("SwarmDiscovery", "");
    return GoJson.compact(base).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Driver fromJson(Map<String, Object> blob) {
    byte[] raw = GoJson.compact(blob).getBytes(StandardCharsets.UTF_8);
    return new PluginDriver(
        name, blob, LazyPlugin.onFirstUse(() -> plugins.launch(name, binary, raw)));
  }
}
