package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.testhost.TestHost;
import io.jmachine.testhost.TestHosts;
import io.jmachine.testhost.UnusedAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `create -d generic` on fresh Debian 12 hosts without Docker, as root and as a sudo user: the real
 * docker CLI then runs a container over TLS through `eval "$(docker-machine env NAME)"`, the files
 * on the host are what docker-machine writes, and provision, regenerate-certs and upgrade work on
 * the created machine.
 */
@TestHosts(count = 2)
class GenericProvisioningEndToEndTest {
  private static final String DROP_IN = "/etc/systemd/system/docker.service.d/10-machine.conf";
  @TempDir Path dir;
  private UnusedAddress moved;

  @AfterEach
  void releaseTheAddress() {
    if (moved != null) {
      moved.close();
    }
  }

  @Test
  void root_distroPackages_engineOptions_thenProvisionRegenerateUpgrade(List<TestHost> hosts)
      throws Exception {
    Tools.require(Tools.onPath("docker"), "needs the docker CLI");
    TestHost host = hosts.get(0);
    MachineCli cli = new MachineCli(dir);
    Path store = cli.store;

    Tools.Result created =
        cli.create(
            host,
            "root",
            host.rsaPrivateKey(),
            "alpha",
            "--engine-install-strategy",
            "distro",
            "--engine-label",
            "tier=front end",
            "--engine-label",
            "team=ops",
            "--engine-insecure-registry",
            "registry.internal:5000",
            "--engine-registry-mirror",
            "http://mirror.internal:5000",
            "--engine-env",
            "GREETING=hello \"big\" world",
            "--engine-opt",
            "max-concurrent-downloads=5",
            "--tls-san",
            "alpha.example");

    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.err()).isEmpty();
    assertThat(MachineCli.lines(created.out()))
        .containsExactly(
            "Creating CA: " + store.resolve("certs/ca.pem"),
            "Creating client certificate: " + store.resolve("certs/cert.pem"),
            "Running pre-create checks...",
            "Creating machine...",
            "(alpha) Importing SSH key...",
            "Waiting for machine to be running, this may take a few minutes...",
            "Detecting operating system of created instance...",
            "Waiting for SSH to be available...",
            "Detecting the provisioner...",
            "Provisioning with debian...",
            "Installing Docker...",
            "Copying certs to the local machine directory...",
            "Copying certs to the remote machine...",
            "Setting Docker configuration on the remote daemon...",
            "Checking connection to Docker...",
            "Docker is up and running!",
            "To see how to connect your Docker Client to the Docker Engine running on this"
                + " virtual machine, run: docker-machine env alpha");

    // the files docker-machine puts on the host, intact
    assertThat(host.exec("cat", DROP_IN).orThrow("cat").stdout())
        .isEqualTo(
            "[Service]\n"
                + "ExecStart=\n"
                + "ExecStart=/usr/sbin/dockerd -H tcp://0.0.0.0:2376 -H"
                + " unix:///var/run/docker.sock --storage-driver overlay2 --tlsverify --tlscacert"
                + " /etc/docker/ca.pem --tlscert /etc/docker/server.pem --tlskey"
                + " /etc/docker/server-key.pem --label \"tier=front end\" --label team=ops --label"
                + " provider=generic --insecure-registry registry.internal:5000 --registry-mirror"
                + " http://mirror.internal:5000 --max-concurrent-downloads=5 \n"
                + "Environment=\"GREETING=hello \\\"big\\\" world\" \n");
    Path machine = store.resolve("machines/alpha");
    assertThat(host.exec("cat", "/etc/docker/ca.pem").stdout())
        .isEqualTo(Files.readString(store.resolve("certs/ca.pem")));
    assertThat(host.exec("cat", "/etc/docker/server.pem").stdout())
        .isEqualTo(Files.readString(machine.resolve("server.pem")));
    assertThat(host.exec("cat", "/etc/docker/server-key.pem").stdout())
        .isEqualTo(Files.readString(machine.resolve("server-key.pem")));
    assertThat(
            host.exec(
                    "stat",
                    "-c",
                    "%n %a %U",
                    "/etc/docker/ca.pem",
                    "/etc/docker/server.pem",
                    "/etc/docker/server-key.pem",
                    DROP_IN)
                .stdout())
        .isEqualTo(
            "/etc/docker/ca.pem 644 root\n/etc/docker/server.pem 644 root\n"
                + "/etc/docker/server-key.pem 600 root\n"
                + DROP_IN
                + " 644 root\n");
    assertThat(host.exec("hostname").stdout()).isEqualTo("alpha\n");
    assertThat(host.exec("systemctl", "is-enabled", "docker").stdout()).isEqualTo("enabled\n");
    assertThat(host.exec("sh", "-c", "tr '\\0' '\\n' < /proc/$(pidof dockerd)/environ").stdout())
        .contains("GREETING=hello \"big\" world\n");
    assertThat(Files.readString(machine.resolve("config.json")))
        .contains(
            "\"InstallURL\": \"https://get.docker.com\",\n            \"InstallStrategy\": \"distro\"\n");

    // the real docker CLI over TLS through env; the options show in docker info
    Tools.Result session = cli.bash(MachineCli.runContainerScript("alpha"));
    assertThat(session.exit()).as(session.err()).isZero();
    assertThat(session.out()).isEqualTo("hello from alpha\n");
    // dockerd reports labels in no fixed order
    Tools.Result labels =
        cli.bash(
            "eval \"$(docker-machine env alpha)\" && docker info --format"
                + " '{{range .Labels}}{{println .}}{{end}}' | grep . | sort");
    assertThat(labels.out()).isEqualTo("provider=generic\nteam=ops\ntier=front end\n");
    Tools.Result info =
        cli.bash(
            "eval \"$(docker-machine env alpha)\" && docker info --format"
                + " '{{json .RegistryConfig.Mirrors}} {{(index .RegistryConfig.IndexConfigs"
                + " \"registry.internal:5000\").Secure}}'");
    assertThat(info.out()).isEqualTo("[\"http://mirror.internal:5000/\"] false\n");

    // a client without jmachine's certificates is refused
    Tools.Result stranger =
        Tools.run(
            List.of(
                "docker",
                "--tlsverify",
                "--tlscacert",
                store.resolve("certs/ca.pem").toString(),
                "-H",
                "tcp://" + host.ip() + ":2376",
                "version"),
            dir,
            MachineCli.map("HOME", dir.toString(), "PATH", System.getenv("PATH")));
    assertThat(stranger.exit()).isNotZero();
    assertThat(stranger.err()).containsIgnoringCase("certificate");
    Tools.Result plain =
        Tools.run(
            List.of("docker", "-H", "tcp://" + host.ip() + ":2376", "version"),
            dir,
            MachineCli.map("HOME", dir.toString(), "PATH", System.getenv("PATH")));
    assertThat(plain.exit()).isNotZero();

    // provision again: one SSH login, nothing rewritten, only the daemon restarted
    String statBefore =
        host.exec("stat", "-c", "%n %Y", "/etc/docker/server.pem", DROP_IN).stdout();
    String startedBefore =
        host.exec("systemctl", "show", "docker", "-p", "ExecMainStartTimestampMonotonic").stdout();
    int loginsBefore = MachineCli.sshLogins(host);
    Tools.Result again = cli.run("provision", "alpha");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(MachineCli.lines(again.out()))
        .containsExactly(
            "Waiting for SSH to be available...",
            "Detecting the provisioner...",
            "Copying certs to the local machine directory...",
            "Copying certs to the remote machine...",
            "Setting Docker configuration on the remote daemon...");
    assertThat(MachineCli.sshLogins(host) - loginsBefore).isEqualTo(1);
    assertThat(host.exec("stat", "-c", "%n %Y", "/etc/docker/server.pem", DROP_IN).stdout())
        .isEqualTo(statBefore);
    assertThat(
            host.exec("systemctl", "show", "docker", "-p", "ExecMainStartTimestampMonotonic")
                .stdout())
        .isNotEqualTo(startedBefore);

    // regenerate-certs: a new server certificate on both sides, and TLS still works
    String serverBefore = Files.readString(machine.resolve("server.pem"));
    Tools.Result regenerated = cli.run("regenerate-certs", "-f", "alpha");
    assertThat(regenerated.exit()).as(regenerated.err()).isZero();
    assertThat(regenerated.out()).startsWith("Regenerating TLS certificates\n");
    String serverAfter = Files.readString(machine.resolve("server.pem"));
    assertThat(serverAfter).isNotEqualTo(serverBefore);
    assertThat(host.exec("cat", "/etc/docker/server.pem").stdout()).isEqualTo(serverAfter);
    assertThat(cli.bash(MachineCli.runContainerScript("alpha")).out())
        .isEqualTo("hello from alpha\n");

    // the machine's IP changes (docker-machine #531): env issues a certificate for the new one
    // inside the test network, one nothing else holds (other test JVMs take addresses of it too)
    moved = UnusedAddress.reserve();
    String newIp = moved.ip();
    host.exec("ip", "addr", "add", newIp + "/25", "dev", "eth0").orThrow("adding an address");
    Path config = machine.resolve("config.json");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("\"IPAddress\": \"" + host.ip() + "\"", "\"IPAddress\": \"" + newIp + "\""));
    Tools.Result env = cli.run("env", "alpha");
    assertThat(env.exit()).as(env.err()).isZero();
    assertThat(env.err())
        .contains(
            "The server certificate of alpha does not name its address "
                + newIp
                + "; issuing a new one (this restarts its Docker daemon)...");
    assertThat(env.out()).contains("export DOCKER_HOST=\"tcp://" + newIp + ":2376\"");
    assertThat(cli.bash(MachineCli.runContainerScript("alpha")).out())
        .isEqualTo("hello from alpha\n");
    assertThat(cli.run("env", "alpha").err()).isEmpty();

    // upgrade with the machine's own strategy (distro packages)
    Tools.Result upgraded = cli.run("upgrade", "alpha");
    assertThat(upgraded.exit()).as(upgraded.err()).isZero();
    assertThat(MachineCli.lines(upgraded.out()))
        .containsExactly(
            "Waiting for SSH to be available...",
            "Detecting the provisioner...",
            "Upgrading docker...",
            "Restarting docker...");
    Tools.Result ls = cli.run("ls");
    assertThat(ls.out())
        .containsPattern(
            "alpha +- +generic +Running +tcp://" + newIp + ":2376 +v20\\.10\\.\\S+ *\n");
  }

  @Test
  void sudoUser_ed25519Key_systemSsh_createsAWorkingMachine(List<TestHost> hosts) throws Exception {
    Tools.require(Tools.onPath("docker"), "needs the docker CLI");
    TestHost host = hosts.get(1);
    MachineCli cli = new MachineCli(dir);

    Tools.Result created =
        cli.create(
            host, "tester", host.privateKey(), "beta", "--engine-install-strategy", "distro");

    assertThat(created.exit()).as(created.out() + created.err()).isZero();
    assertThat(created.out()).contains("Provisioning with debian...\nInstalling Docker...\n");
    Tools.Result session = cli.bash(MachineCli.runContainerScript("beta"));
    assertThat(session.exit()).as(session.err()).isZero();
    assertThat(session.out()).isEqualTo("hello from beta\n");
    assertThat(host.exec("cat", DROP_IN).stdout()).contains("--label provider=generic \n");
    assertThat(host.exec("journalctl", "-u", "ssh", "--no-pager", "-o", "cat").stdout())
        .contains("Accepted publickey for tester");
  }
}
