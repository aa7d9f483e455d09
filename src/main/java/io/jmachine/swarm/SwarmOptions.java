package io.jmachine.swarm;

import static io.jmachine.json.JsonFields.bool;
import static io.jmachine.json.JsonFields.decimal;
import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.string;
import static io.jmachine.json.JsonFields.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Classic Swarm settings of a machine, stored as HostOptions.SwarmOptions. */
public record SwarmOptions(
    boolean isSwarm,
    String address,
    String discovery,
    boolean agent,
    boolean master,
    String host,
    String image,
    String strategy,
    int heartbeat,
    double overcommit,
    List<String> arbitraryFlags,
    List<String> arbitraryJoinFlags,
    List<String> env,
    boolean isExperimental) {

  public static final String DEFAULT_HOST = "tcp://0.0.0.0:3376";
  public static final String DEFAULT_IMAGE = "swarm:latest";
  public static final String DEFAULT_STRATEGY = "spread";

  public static SwarmOptions fromJson(Map<String, Object> o) {
    return new SwarmOptions(
        bool(o, "IsSwarm"),
        string(o, "Address"),
        string(o, "Discovery"),
        bool(o, "Agent"),
        bool(o, "Master"),
        string(o, "Host"),
        string(o, "Image"),
        string(o, "Strategy"),
        integer(o, "Heartbeat"),
        decimal(o, "Overcommit"),
        strings(o, "ArbitraryFlags"),
        strings(o, "ArbitraryJoinFlags"),
        strings(o, "Env"),
        bool(o, "IsExperimental"));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("IsSwarm", isSwarm);
    o.put("Address", address);
    o.put("Discovery", discovery);
    o.put("Agent", agent);
    o.put("Master", master);
    o.put("Host", host);
    o.put("Image", image);
    o.put("Strategy", strategy);
    o.put("Heartbeat", heartbeat);
    o.put("Overcommit", overcommit);
    o.put("ArbitraryFlags", arbitraryFlags);
    o.put("ArbitraryJoinFlags", arbitraryJoinFlags);
    o.put("Env", env);
    o.put("IsExperimental", isExperimental);
    return o;
  }
}
