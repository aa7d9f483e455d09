package io.jmachine.engine;

import static io.jmachine.json.JsonFields.bool;
import static io.jmachine.json.JsonFields.string;
import static io.jmachine.json.JsonFields.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the Docker daemon on a machine is configured; stored as HostOptions.EngineOptions with
 * docker-machine's field names and order. Lists are null where docker-machine never set them.
 * {@code installStrategy} is jmachine's own (--engine-install-strategy), written after InstallURL
 * only when set, so configs without it stay byte-identical to docker-machine's (which ignores
 * unknown fields when it reads ours).
 */
public record EngineOptions(
    List<String> arbitraryFlags,
    List<String> dns,
    String graphDir,
    List<String> env,
    boolean ipv6,
    List<String> insecureRegistry,
    List<String> labels,
    String logLevel,
    String storageDriver,
    boolean selinuxEnabled,
    boolean tlsVerify,
    List<String> registryMirror,
    String installUrl,
    String installStrategy) {

  public static final String DEFAULT_INSTALL_URL = "https://get.docker.com";

  /** The same options with another install strategy. */
  public EngineOptions withInstallStrategy(String strategy) {
    return new EngineOptions(
        arbitraryFlags,
        dns,
        graphDir,
        env,
        ipv6,
        insecureRegistry,
        labels,
        logLevel,
        storageDriver,
        selinuxEnabled,
        tlsVerify,
        registryMirror,
        installUrl,
        strategy);
  }

  /** docker-machine's fields only: the provisioner's default install strategy. */
  public EngineOptions(
      List<String> arbitraryFlags,
      List<String> dns,
      String graphDir,
      List<String> env,
      boolean ipv6,
      List<String> insecureRegistry,
      List<String> labels,
      String logLevel,
      String storageDriver,
      boolean selinuxEnabled,
      boolean tlsVerify,
      List<String> registryMirror,
      String installUrl) {
    this(
        arbitraryFlags,
        dns,
        graphDir,
        env,
        ipv6,
        insecureRegistry,
        labels,
        logLevel,
        storageDriver,
        selinuxEnabled,
        tlsVerify,
        registryMirror,
        installUrl,
        "");
  }

  public static EngineOptions fromJson(Map<String, Object> o) {
    return new EngineOptions(
        strings(o, "ArbitraryFlags"),
        strings(o, "Dns"),
        string(o, "GraphDir"),
        strings(o, "Env"),
        bool(o, "Ipv6"),
        strings(o, "InsecureRegistry"),
        strings(o, "Labels"),
        string(o, "LogLevel"),
        string(o, "StorageDriver"),
        bool(o, "SelinuxEnabled"),
        bool(o, "TlsVerify"),
        strings(o, "RegistryMirror"),
        string(o, "InstallURL"),
        string(o, "InstallStrategy"));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ArbitraryFlags", arbitraryFlags);
    o.put("Dns", dns);
    o.put("GraphDir", graphDir);
    o.put("Env", env);
    o.put("Ipv6", ipv6);
    o.put("InsecureRegistry", insecureRegistry);
    o.put("Labels", labels);
    o.put("LogLevel", logLevel);
    o.put("StorageDriver", storageDriver);
    o.put("SelinuxEnabled", selinuxEnabled);
    o.put("TlsVerify", tlsVerify);
    o.put("RegistryMirror", registryMirror);
    o.put("InstallURL", installUrl);
    if (installStrategy != null && !installStrategy.isEmpty()) {
      o.put("InstallStrategy", installStrategy);
    }
    return o;
  }
}
