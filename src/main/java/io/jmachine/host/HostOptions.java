package io.jmachine.host;

import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.object;
import static io.jmachine.json.JsonFields.string;

import io.jmachine.auth.AuthOptions;
import io.jmachine.engine.EngineOptions;
import io.jmachine.swarm.SwarmOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** config.json's HostOptions. */
public record HostOptions(
    String driver,
    int memory,
    int disk,
    EngineOptions engineOptions,
    SwarmOptions swarmOptions,
    AuthOptions authOptions) {

  public static HostOptions fromJson(Map<String, Object> o) {
    return new HostOptions(
        string(o, "Driver"),
        integer(o, "Memory"),
        integer(o, "Disk"),
        EngineOptions.fromJson(object(o, "EngineOptions")),
        SwarmOptions.fromJson(object(o, "SwarmOptions")),
        AuthOptions.fromJson(object(o, "AuthOptions")));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("Driver", driver);
    o.put("Memory", memory);
    o.put("Disk", disk);
    o.put("EngineOptions", engineOptions.toJson());
    o.put("SwarmOptions", swarmOptions.toJson());
    o.put("AuthOptions", authOptions.toJson());
    return o;
  }
}
