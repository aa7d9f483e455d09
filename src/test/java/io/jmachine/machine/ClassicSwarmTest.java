package io.jmachine.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.error.MachineException;
import io.jmachine.swarm.SwarmOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassicSwarmTest {
  private static SwarmOptions swarm(
      boolean agent, boolean master, String host, boolean experimental) {
    return new SwarmOptions(
        true,
        "",
        "token://0123abcd",
        agent,
        master,
        host,
        "swarm:1.2.9",
        "binpack",
        0,
        0,
        List.of("replication", "engine-refresh-min-interval=10s"),
        List.of("heartbeat=20s"),
        List.of("A=b c"),
        experimental);
  }

  @Test
  void masterAndAgent_docker_machines_commands_bindsAndPorts() {
    List<SwarmContainer> containers =
        ClassicSwarm.containers(
            swarm(true, true, "tcp://0.0.0.0:3376", false), "10.1.2.3", 2376, "/etc/docker");

    assertThat(containers)
        .containsExactly(
            new SwarmContainer(
                "swarm-agent-master",
                "swarm:1.2.9",
                List.of(
                    "manage",
                    "--tlsverify",
                    "--tlscacert=/etc/docker/ca.pem",
                    "--tlscert=/etc/docker/server.pem",
                    "--tlskey=/etc/docker/server-key.pem",
                    "-H",
                    "tcp://0.0.0.0:3376",
                    "--strategy",
                    "binpack",
                    "--advertise",
                    "10.1.2.3:3376",
                    "--replication",
                    "--engine-refresh-min-interval=10s",
                    "token://0123abcd"),
                List.of("A=b c"),
                List.of("/etc/docker:/etc/docker"),
                List.of(2375, 3376),
                3376),
            new SwarmContainer(
                "swarm-agent",
                "swarm:1.2.9",
                List.of(
                    "join", "--advertise", "10.1.2.3:2376", "--heartbeat=20s", "token://0123abcd"),
                List.of("A=b c"),
                List.of(),
                List.of(),
                0));
  }

  @Test
  void experimental_comesFirst_masterOnly_advertisesItsOwnPort() {
    List<SwarmContainer> containers =
        ClassicSwarm.containers(
            swarm(false, true, "tcp://0.0.0.0:4000", true),
            "10.1.2.3",
            2376,
            "/var/lib/boot2docker");

    assertThat(containers).extracting(SwarmContainer::name).containsExactly("swarm-agent-master");
    SwarmContainer master = containers.get(0);
    assertThat(master.cmd()).startsWith("--experimental", "manage", "--tlsverify");
    assertThat(master.cmd()).contains("--tlscacert=/var/lib/boot2docker/ca.pem", "10.1.2.3:4000");
    assertThat(master.exposedPorts()).containsExactly(2375, 4000);
    assertThat(master.publishedPort()).isEqualTo(4000);
  }

  @Test
  void agentOnly_experimental_joinsTheEnginesPort() {
    List<SwarmContainer> containers =
        ClassicSwarm.containers(
            swarm(true, false, "tcp://0.0.0.0:3376", true), "10.1.2.3", 2377, "/etc/docker");

    assertThat(containers)
        .extracting(SwarmContainer::cmd)
        .containsExactly(
            List.of(
                "--experimental",
                "join",
                "--advertise",
                "10.1.2.3:2377",
                "--heartbeat=20s",
                "token://0123abcd"));
  }

  @Test
  void swarmHostWithoutAPort_isAClearError() {
    assertThatThrownBy(
            () ->
                ClassicSwarm.containers(
                    swarm(false, true, "tcp://0.0.0.0", false), "10.1.2.3", 2376, "/etc/docker"))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "Error parsing swarm host: \"tcp://0.0.0.0\" names no port; use e.g. tcp://0.0.0.0:3376");
  }
}
