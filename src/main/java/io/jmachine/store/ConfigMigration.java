package io.jmachine.store;

import static io.jmachine.json.JsonFields.bool;
import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.object;
import static io.jmachine.json.JsonFields.string;

import io.jmachine.engine.EngineOptions;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings config.json files of older docker-machine releases (ConfigVersion 0-2) to version 3, as
 * libmachine's migrations do, and refuses files from the future.
 */
final class ConfigMigration {
  private final Path storeRoot;
  private final Path machineDir;

  ConfigMigration(Path storeRoot, Path machineDir) {
    this.storeRoot = storeRoot;
    this.machineDir = machineDir;
  }

  boolean needed(Map<String, Object> json) {
    int version = integer(json, "ConfigVersion");
    if (version > Host.CONFIG_VERSION) {
      throw new MachineException(
          "config version is from the future -- you should upgrade your Docker Machine client");
    }
    return version < Host.CONFIG_VERSION;
  }

  Map<String, Object> migrate(Map<String, Object> json) {
    Map<String, Object> out = new LinkedHashMap<>(json);
    int version = integer(json, "ConfigVersion");
    if (version == 0) {
      out = v0ToV1(out);
    }
    if (version <= 1) {
      out = v1ToV2(out);
    }
    return v2ToV3(out);
  }

  /** Version 0 kept auth and swarm settings as flat top-level fields. */
  private Map<String, Object> v0ToV1(Map<String, Object> v0) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("StorePath", string(v0, "StorePath"));
    auth.put("CaCertPath", string(v0, "CaCertPath"));
    auth.put("PrivateKeyPath", string(v0, "PrivateKeyPath"));
    auth.put("ServerCertPath", string(v0, "ServerCertPath"));
    auth.put("ServerKeyPath", string(v0, "ServerKeyPath"));
    auth.put("ClientCertPath", string(v0, "ClientCertPath"));
    auth.put("ClientKeyPath", string(v0, "ClientKeyPath"));
    Map<String, Object> swarm = new LinkedHashMap<>();
    boolean master = bool(v0, "SwarmMaster");
    swarm.put("IsSwarm", master || !string(v0, "SwarmDiscovery").isEmpty());
    swarm.put("Master", master);
    swarm.put("Host", string(v0, "SwarmHost"));
    swarm.put("Discovery", string(v0, "SwarmDiscovery"));
    Map<String, Object> engine = new LinkedHashMap<>();
    engine.put("TlsVerify", true);
    engine.put("InstallURL", EngineOptions.DEFAULT_INSTALL_URL);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("EngineOptions", engine);
    options.put("SwarmOptions", swarm);
    options.put("AuthOptions", auth);
    Map<String, Object> v1 = new LinkedHashMap<>();
    v1.put("ConfigVersion", 1);
    v1.put("Driver", v0.get("Driver"));
    v1.put("DriverName", string(v0, "DriverName"));
    v1.put("HostOptions", options);
    v1.put("Name", string(v0, "Name"));
    return v1;
  }

  /** Version 2 renamed the CA key path and added the global cert dir. */
  private Map<String, Object> v1ToV2(Map<String, Object> v1) {
    Map<String, Object> options = new LinkedHashMap<>(object(v1, "HostOptions"));
    Map<String, Object> auth = new LinkedHashMap<>(object(options, "AuthOptions"));
    if (!auth.containsKey("CaPrivateKeyPath")) {
      auth.put("CaPrivateKeyPath", string(auth, "PrivateKeyPath"));
    }
    auth.remove("PrivateKeyPath");
    auth.put("CertDir", storeRoot.resolve("certs").toString());
    auth.put("StorePath", machineDir.toString());
    options.put("AuthOptions", auth);
    Map<String, Object> v2 = new LinkedHashMap<>(v1);
    v2.put("HostOptions", options);
    if (string(v2, "Name").isEmpty()) {
      v2.put("Name", string(object(v1, "Driver"), "MachineName"));
    }
    return v2;
  }

  /** Version 3 made the driver blob self-contained: it carries the global store path. */
  private Map<String, Object> v2ToV3(Map<String, Object> v2) {
    Map<String, Object> driver = new LinkedHashMap<>(object(v2, "Driver"));
    driver.put("StorePath", storeRoot.toString());
    Map<String, Object> v3 = new LinkedHashMap<>(v2);
    v3.put("ConfigVersion", Host.CONFIG_VERSION);
    v3.put("Driver", driver);
    return v3;
  }
}
