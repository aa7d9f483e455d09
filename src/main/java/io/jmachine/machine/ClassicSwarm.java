package io.jmachine.machine;

import io.jmachine.error.MachineException;
import io.jmachine.swarm.SwarmOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic Swarm containers docker-machine starts at the end of provisioning (spec §6.6): a
 * manager on a master, an agent that joins the discovery service on every swarm member. Their
 * commands follow docker-machine v0.16.2, except that a master advertises the port it listens on
 * (docker-machine advertised 3376 whatever --swarm-host said).
 */
final class ClassicSwarm {
  static final String MASTER = "swarm-agent-master";
  static final String AGENT = "swarm-agent";

  private ClassicSwarm() {}

  /**
   * @param dockerDir the provisioner's docker options directory, where the daemon's CA and server
   *     certificate lie (bound into the manager, which serves TLS with them)
   */
  static List<SwarmContainer> containers(
      SwarmOptions swarm, String ip, int enginePort, String dockerDir) {
    List<SwarmContainer> containers = new ArrayList<>();
    if (swarm.master()) {
      int port = listenPort(swarm.host());
      List<String> cmd = new ArrayList<>();
      if (swarm.isExperimental()) {
        cmd.add("--experimental");
      }
      cmd.addAll(
          List.of(
              "manage",
              "--tlsverify",
              "--tlscacert=" + dockerDir + "/ca.pem",
              "--tlscert=" + dockerDir + "/server.pem",
              "--tlskey=" + dockerDir + "/server-key.pem",
              "-H",
              swarm.host(),
              "--strategy",
              swarm.strategy(),
              "--advertise",
              ip + ":" + port));
      present(swarm.arbitraryFlags()).forEach(flag -> cmd.add("--" + flag));
      cmd.add(swarm.discovery());
      containers.add(
          new SwarmContainer(
              MASTER,
              swarm.image(),
              cmd,
              present(swarm.env()),
              List.of(dockerDir + ":" + dockerDir),
              List.of(2375, port),
              port));
    }
    if (swarm.agent()) {
      List<String> cmd = new ArrayList<>();
      if (swarm.isExperimental()) {
        cmd.add("--experimental");
      }
      cmd.addAll(List.of("join", "--advertise", ip + ":" + enginePort));
      present(swarm.arbitraryJoinFlags()).forEach(flag -> cmd.add("--" + flag));
      cmd.add(swarm.discovery());
      containers.add(
          new SwarmContainer(
              AGENT, swarm.image(), cmd, present(swarm.env()), List.of(), List.of(), 0));
    }
    return containers;
  }

  /** Go writes an empty slice as null. */
  private static List<String> present(List<String> values) {
    return values == null ? List.of() : values;
  }

  /** The port of --swarm-host (tcp://0.0.0.0:3376). */
  static int listenPort(String swarmHost) {
    try {
      int port = new URI(swarmHost).getPort();
      if (port > 0) {
        return port;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new MachineException(
        "Error parsing swarm host: \""
            + swarmHost
            + "\" names no port; use e.g. tcp://0.0.0.0:3376");
  }
}
