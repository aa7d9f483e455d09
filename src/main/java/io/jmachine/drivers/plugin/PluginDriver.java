package io.jmachine.drivers.plugin;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.gob.GobType;
import io.jmachine.json.GoJson;
import io.jmachine.json.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A driver served by a plugin binary: each operation is a call to it. Until something needs the
 * plugin, the machine's stored config stands in for it.
 */
final class PluginDriver implements Driver {
  private final String driverName;
  private final Map<String, Object> stored;
  private final LazyPlugin lazy;

  /**
   * @param stored the config.json Driver object the machine was loaded from; written back as it was
   *     while the plugin has not started
   */
  PluginDriver(String driverName, Map<String, Object> stored, LazyPlugin lazy) {
    this.driverName = driverName;
    this.stored = new LinkedHashMap<>(stored);
    this.lazy = lazy;
  }

  private PluginClient plugin() {
    return lazy.client();
  }

  @Override
  public String driverName() {
    return driverName;
  }

  @Override
  public String machineName() {
    if (!lazy.isStarted()) {
      return stored.get("MachineName") instanceof String name ? name : "";
    }
    return plugin().machineName();
  }

  @Override
  public void connect() {
    plugin();
  }

  /**
   * Whatever the plugin serializes: config.json's Driver object is the plugin's business. A plugin
   * that never started changed nothing, so the stored object is returned as loaded.
   */
  @Override
  public Map<String, Object> toJson() {
    if (!lazy.isStarted()) {
      return new LinkedHashMap<>(stored);
    }
    String json = new String(plugin().bytes("GetConfigRaw"), StandardCharsets.UTF_8);
    try {
      if (GoJson.parse(json) instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> blob = (Map<String, Object>) map;
        return blob;
      }
    } catch (JsonSyntaxException e) {
      throw new MachineException(
          "Driver \"" + driverName + "\" sent an unreadable config: " + e.getMessage(), e);
    }
    throw new MachineException(
        "Driver \"" + driverName + "\" sent a config that is not a JSON object");
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    plugin().call("SetConfigFromFlags", GobType.Basic.INTERFACE, PluginFlags.rpcFlags(options));
  }

  @Override
  public String getUrl() {
    return plugin().string("GetURL");
  }

  @Override
  public String getIp() {
    return plugin().string("GetIP");
  }

  /** Out-of-range numbers read as the empty state, as libmachine's String() gives them. */
  @Override
  public MachineState getState() {
    long state = plugin().integer("GetState");
    MachineState[] states = MachineState.values();
    return state >= 0 && state < states.length ? states[(int) state] : MachineState.NONE;
  }

  @Override
  public String sshHostname() {
    return plugin().string("GetSSHHostname");
  }

  @Override
  public int sshPort() {
    return (int) plugin().integer("GetSSHPort");
  }

  @Override
  public String sshUsername() {
    return plugin().string("GetSSHUsername");
  }

  @Override
  public String sshKeyPath() {
    return plugin().string("GetSSHKeyPath");
  }

  @Override
  public void preCreateCheck() {
    plugin().call("PreCreateCheck");
  }

  @Override
  public void create() {
    plugin().call("Create");
  }

  @Override
  public void remove() {
    plugin().call("Remove");
  }

  @Override
  public void start() {
    plugin().call("Start");
  }

  @Override
  public void stop() {
    plugin().call("Stop");
  }

  @Override
  public void restart() {
    plugin().call("Restart");
  }

  @Override
  public void kill() {
    plugin().call("Kill");
  }
}
