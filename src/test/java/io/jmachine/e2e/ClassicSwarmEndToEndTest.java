package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.testhost.CommandResult;
import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `create --swarm` starts classic Swarm's containers on a real engine. The swarm image cannot come
 * from Docker Hub here, so a stand-in built from the host's own files is tagged with a registry on
 * the machine's loopback where nothing listens: every pull fails at once, as it would offline.
 */
@TestHosts(count = 2, docker = true)
class ClassicSwarmEndToEndTest {
  private static final String IMAGE = "127.0.0.1:5999/swarm:test";
  private static final String FORMAT =
      "{{.Name}} {{.State.Running}} {{.HostConfig.RestartPolicy.Name}} {{json .Config.Cmd}}"
          + " {{json .HostConfig.Binds}} {{json .HostConfig.PortBindings}}";

  @TempDir Path dir;

  @Test
  void create_swarmMaster_runsManagerAndAgent_andProvisionReplacesThem(List<TestHost> hosts)
      throws Exception {
    TestHost host = hosts.get(0);
    host.exec(
            "sh",
            "-c",
            "cd / && tar -ch usr/bin/dash usr/bin/sleep lib/x86_64-linux-gnu/libc.so.6"
                + " lib64/ld-linux-x86-64.so.2 2>/dev/null | docker import -c 'ENTRYPOINT"
                + " [\"/usr/bin/dash\", \"-c\", \"exec sleep 600\", \"swarm\"]' - "
                + IMAGE)
        .orThrow("importing the stand-in swarm image");
    MachineCli cli = new MachineCli(dir);

    Tools.Result created =
        cli.create(
            host,
            "root",
            host.rsaPrivateKey(),
            "queen",
            "--swarm",
            "--swarm-master",
            "--swarm-discovery",
            "token://0123abcd",
            "--swarm-image",
            IMAGE);

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(created.out())
        .contains("Configuring swarm...\nCould not pull " + IMAGE + " (")
        .contains("); using the copy on the machine\n")
        .endsWith("Docker is up and running!\n" + hint("queen"));
    String ip = host.ip();
    assertThat(containers(host).stdout())
        .isEqualTo(
            "/swarm-agent-master true always [\"manage\",\"--tlsverify\","
                + "\"--tlscacert=/etc/docker/ca.pem\",\"--tlscert=/etc/docker/server.pem\","
                + "\"--tlskey=/etc/docker/server-key.pem\",\"-H\",\"tcp://0.0.0.0:3376\","
                + "\"--strategy\",\"spread\",\"--advertise\",\""
                + ip
                + ":3376\",\"token://0123abcd\"] [\"/etc/docker:/etc/docker:rw\"]"
                + " {\"3376/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"3376\"}]}\n"
                + "/swarm-agent true always [\"join\",\"--advertise\",\""
                + ip
                + ":2376\",\"token://0123abcd\"] [] null\n");
    assertThat(cli.run("ls", "--format", "{{.Name}} {{.Swarm}}").out())
        .isEqualTo("queen queen (master)\n");

    String before = ids(host);
    Tools.Result again = cli.run("provision", "queen");

    assertThat(again.exit()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("Configuring swarm...\n");
    assertThat(ids(host)).isNotEqualTo(before);
    assertThat(containers(host).stdout().lines())
        .extracting(line -> line.split(" ")[1])
        .containsExactly("true", "true");
  }

  @Test
  void create_swarmImageNowhere_failsWithTheEnginesReason_andLeavesTheMachineInError(
      List<TestHost> hosts) throws Exception {
    TestHost host = hosts.get(1);
    MachineCli cli = new MachineCli(dir);

    Tools.Result created =
        cli.create(
            host,
            "root",
            host.rsaPrivateKey(),
            "lost",
            "--swarm",
            "--swarm-discovery",
            "token://0123abcd",
            "--swarm-image",
            IMAGE);

    assertThat(created.exit()).isEqualTo(1);
    assertThat(created.err())
        .startsWith("Error creating machine: Error running provisioning: Unable to pull image: ")
        .contains("127.0.0.1:5999");
    assertThat(cli.run("ls", "--format", "{{.Name}} {{.State}}").out()).isEqualTo("lost Error\n");
    assertThat(host.exec("docker", "ps", "-aq").stdout()).isEmpty();
  }

  private static CommandResult containers(TestHost host) {
    return host.exec("docker", "inspect", "--format", FORMAT, "swarm-agent-master", "swarm-agent")
        .orThrow("inspecting the swarm containers");
  }

  private static String ids(TestHost host) {
    return host.exec("docker", "ps", "-q", "--no-trunc").orThrow("listing containers").stdout();
  }

  private static String hint(String name) {
    return "To see how to connect your Docker Client to the Docker Engine running on this virtual"
        + " machine, run: docker-machine env "
        + name
        + "\n";
  }
}
