package io.jmachine.machine;

import io.jmachine.engine.EngineOptions;
import io.jmachine.swarm.SwarmOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of `ls`, with the fields docker-machine's --format templates can name. */
public record HostListItem(
    String name,
    String active,
    boolean activeHost,
    boolean activeSwarm,
    String driverName,
    String state,
    String url,
    SwarmOptions swarmOptions,
    String swarm,
    EngineOptions engineOptions,
    String error,
    String dockerVersion,
    Duration responseTime) {

  /** The header row: the same template run over column titles. */
  public static Map<String, Object> headers() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", "NAME");
    m.put("Active", "ACTIVE");
    m.put("ActiveHost", "ACTIVE_HOST");
    m.put("ActiveSwarm", "ACTIVE_SWARM");
    m.put("DriverName", "DRIVER");
    m.put("State", "STATE");
    m.put("URL", "URL");
    m.put("SwarmOptions", "SWARM_OPTIONS");
    m.put("Swarm", "SWARM");
    m.put("EngineOptions", "ENGINE_OPTIONS");
    m.put("Error", "ERRORS");
    m.put("DockerVersion", "DOCKER");
    m.put("ResponseTime", "RESPONSE");
    return m;
  }
}
