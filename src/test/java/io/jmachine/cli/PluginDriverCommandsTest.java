package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.gob.GoFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands on machines whose driver is a plugin binary: the Go test plugin
 * docker-machine-driver-sshtest (src/test/go), found on PATH. Every plugin process a command starts
 * must be gone when the command returns.
 */
class PluginDriverCommandsTest {
  @TempDir Path dir;
  private Path store;
  private Path pids;
  private Path bin;

  @BeforeEach
  void installPlugin() throws IOException {
    store = dir.resolve("store");
    pids = dir.resolve("plugin-pids");
    bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(
        bin.resolve("docker-machine-driver-sshtest"),
        GoFixtures.binary("docker-machine-driver-sshtest"));
  }

  @AfterEach
  void noPluginLeftRunning() throws IOException {
    if (!Files.exists(pids)) {
      return;
    }
    for (String pid : Files.readAllLines(pids)) {
      assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive))
          .as("plugin process " + pid)
          .isIn(java.util.Optional.empty(), java.util.Optional.of(false));
    }
  }

  private CliRunner cli() {
    return new CliRunner(store)
        .env("PATH", bin + ":/usr/bin:/bin")
        .env("SSHTEST_PIDFILE", pids.toString());
  }

  /** A machine as docker-machine stores one of this driver, reachable over SSH at the port. */
  private void storeMachine(String name, int sshPort) throws IOException {
    String template =
        Files.readString(Path.of("src/test/resources/stores/plugin/config.json"))
            .replace("STORE", store.toString())
            .replace("\"SSHPort\": 0", "\"SSHPort\": " + sshPort)
            .replace("/m1", "/" + name)
            .replace("\"m1\"", "\"" + name + "\"");
    Path machine = Files.createDirectories(store.resolve("machines").resolve(name));
    Files.writeString(machine.resolve("config.json"), template);
  }

  /** The store's CA and client certificate, which `ls` checks; made by a machine made and gone. */
  private void createCertificates() {
    assertThat(cli().run("create", "-d", "none", "--url", "tcp://127.0.0.1:2376", "seed").exit())
        .isEqualTo(0);
    assertThat(cli().run("rm", "-y", "seed").exit()).isEqualTo(0);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private int startedPlugins() throws IOException {
    return Files.exists(pids) ? Files.readAllLines(pids).size() : 0;
  }

  @Test
  void createHelp_pluginDriver_listsThePluginsFlagsWithTheShared() {
    CliRunner.Result r = cli().run("create", "-d", "sshtest", "--help");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().lines().filter(l -> l.contains("--sshtest-")).toList())
        .containsExactly(
            "   --sshtest-engine-port \"2376\"\t\t\t\t\t\t\t\t\t\tDocker engine port"
                + " [$SSHTEST_ENGINE_PORT]",
            "   --sshtest-ip-address \t\t\t\t\t\t\t\t\t\tIP Address of the machine"
                + " [$SSHTEST_IP_ADDRESS]",
            "   --sshtest-ssh-key \t\t\t\t\t\t\t\t\t\t\tSSH private key path [$SSHTEST_SSH_KEY]",
            "   --sshtest-ssh-port \"22\"\t\t\t\t\t\t\t\t\t\tSSH port [$SSHTEST_SSH_PORT]",
            "   --sshtest-ssh-user \"root\"\t\t\t\t\t\t\t\t\t\tSSH user [$SSHTEST_SSH_USER]",
            "   --sshtest-tag [--sshtest-tag option --sshtest-tag option]\t\t\t\t\t\tA tag for"
                + " the machine",
            "   --sshtest-verbose\t\t\t\t\t\t\t\t\t\t\tPrint each step [$SSHTEST_VERBOSE]");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void create_pluginRefusesTheFlags_failsWithThePluginsErrorAndKeepsNothing() throws IOException {
    CliRunner.Result r = cli().run("create", "-d", "sshtest", "m1");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                1,
                "",
                "Error setting machine configuration from flags provided: sshtest driver requires"
                    + " the --sshtest-ip-address option\n"));
    assertThat(store.resolve("machines/m1")).doesNotExist();
    assertThat(startedPlugins()).isEqualTo(1);
  }

  @Test
  void create_pluginMachine_storesWhatThePluginSerializesAndShowsItsOutput() throws IOException {
    int port = closedPort();

    CliRunner.Result r =
        cli()
            .env("MACHINE_READINESS_TIMEOUT", "1s")
            .run(
                "create",
                "-d",
                "sshtest",
                "--sshtest-ip-address",
                "127.0.0.1",
                "--sshtest-ssh-port",
                String.valueOf(port),
                "--sshtest-tag",
                "a",
                "--sshtest-tag",
                "b",
                "--sshtest-verbose",
                "m2");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .endsWith(
            "Running pre-create checks...\n"
                + "Creating machine...\n"
                + "(m2) Importing SSH key...\n"
                + "Waiting for machine to be running, this may take a few minutes...\n");
    String config = Files.readString(store.resolve("machines/m2/config.json"));
    assertThat(config)
        .contains(
            "    \"Driver\": {\n"
                + "        \"IPAddress\": \"127.0.0.1\",\n"
                + "        \"MachineName\": \"m2\",\n"
                + "        \"SSHUser\": \"root\",\n"
                + "        \"SSHPort\": "
                + port
                + ",\n"
                + "        \"SSHKeyPath\": \"\",\n"
                + "        \"StorePath\": \""
                + store
                + "\",\n"
                + "        \"SwarmMaster\": false,\n"
                + "        \"SwarmHost\": \"tcp://0.0.0.0:3376\",\n"
                + "        \"SwarmDiscovery\": \"\",\n"
                + "        \"EnginePort\": 2376,\n"
                + "        \"SSHKey\": \"\",\n"
                + "        \"Tags\": [\n"
                + "            \"a\",\n"
                + "            \"b\"\n"
                + "        ],\n"
                + "        \"Verbose\": true\n"
                + "    },\n"
                + "    \"DriverName\": \"sshtest\",\n");
    assertThat(startedPlugins()).isEqualTo(1);
  }

  @Test
  void create_pluginWritesToStderr_showsItsLinesOnlyWithDebug() throws IOException {
    String[] create = {
      "create",
      "-d",
      "sshtest",
      "--sshtest-ip-address",
      "127.0.0.1",
      "--sshtest-ssh-port",
      String.valueOf(closedPort()),
      "--sshtest-verbose"
    };
    CliRunner quiet = cli().env("MACHINE_READINESS_TIMEOUT", "1s");
    CliRunner debug = cli().env("MACHINE_READINESS_TIMEOUT", "1s").env("MACHINE_DEBUG", "1");

    CliRunner.Result plain = quiet.run(concat(create, "q1"));
    CliRunner.Result debugged = debug.run(concat(create, "d1"));

    assertThat(plain.err()).doesNotContain("DBG");
    assertThat(debugged.err()).contains("(d1) DBG | copying \n");
    assertThat(debugged.out()).contains("(d1) Importing SSH key...\n");
  }

  private static String[] concat(String[] args, String last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  @Test
  void ls_stoppedPluginMachine_showsThePluginsState() throws IOException {
    createCertificates();
    storeMachine("m1", closedPort());

    CliRunner.Result r = cli().run("ls");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                0,
                "NAME   ACTIVE   DRIVER    STATE     URL   SWARM   DOCKER    ERRORS\n"
                    + "m1     -        sshtest   Stopped                 Unknown   \n",
                ""));
  }

  @Test
  void lsQuiet_pluginMachines_printsTheirNamesAndStartsNoPlugin() throws IOException {
    storeMachine("m1", closedPort());
    storeMachine("m2", closedPort());
    storeMachine("m3", closedPort());

    CliRunner.Result r = cli().run("ls", "-q");

    assertThat(r).isEqualTo(new CliRunner.Result(0, "m1\nm2\nm3\n", ""));
    assertThat(pids).doesNotExist();
  }

  @Test
  void ls_manyPluginsThatNeverPrintTheirAddress_becomeTimeoutRowsAtTheDeadline()
      throws IOException {
    StringBuilder expected = new StringBuilder();
    for (int i = 10; i < 30; i++) {
      storeMachine("m" + i, closedPort());
      expected.append("m").append(i).append(" sshtest Timeout \n");
    }

    CliRunner.Result r =
        cli()
            .env("SSHTEST_MODE", "silent")
            .run(
                "ls",
                "--timeout",
                "2",
                "--format",
                "{{.Name}} {{.DriverName}} {{.State}} {{.Error}}");

    assertThat(r).isEqualTo(new CliRunner.Result(0, expected.toString(), ""));
  }

  @Test
  void ls_severalPluginMachines_showsEachPluginsState() throws IOException {
    createCertificates();
    storeMachine("m1", closedPort());
    storeMachine("m2", closedPort());
    storeMachine("m3", closedPort());

    CliRunner.Result r = cli().run("ls");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                0,
                "NAME   ACTIVE   DRIVER    STATE     URL   SWARM   DOCKER    ERRORS\n"
                    + "m1     -        sshtest   Stopped                 Unknown   \n"
                    + "m2     -        sshtest   Stopped                 Unknown   \n"
                    + "m3     -        sshtest   Stopped                 Unknown   \n",
                ""));
    assertThat(startedPlugins()).isEqualTo(3);
  }

  @Test
  void ip_pluginMachine_printsThePluginsAddress() throws IOException {
    storeMachine("m1", closedPort());

    assertThat(cli().run("ip", "m1")).isEqualTo(new CliRunner.Result(0, "127.0.0.1\n", ""));
  }

  @Test
  void ip_pluginServingTheOldServiceName_stillAnswers() throws IOException {
    storeMachine("m1", closedPort());

    CliRunner.Result r = cli().env("SSHTEST_MODE", "v0").run("ip", "m1");

    assertThat(r).isEqualTo(new CliRunner.Result(0, "127.0.0.1\n", ""));
  }

  @Test
  void url_stoppedPluginMachine_failsWithThePluginsError() throws IOException {
    storeMachine("m1", closedPort());

    assertThat(cli().run("url", "m1"))
        .isEqualTo(new CliRunner.Result(1, "", "Host is not running\n"));
  }

  @Test
  void url_runningPluginMachine_printsThePluginsUrl() throws IOException {
    try (ServerSocket ssh = new ServerSocket(0)) {
      storeMachine("m1", ssh.getLocalPort());

      assertThat(cli().run("url", "m1"))
          .isEqualTo(new CliRunner.Result(0, "tcp://127.0.0.1:2376\n", ""));
    }
  }

  @Test
  void inspect_pluginMachine_showsTheConfigThePluginSerializes() throws IOException {
    storeMachine("m1", 2222);

    CliRunner.Result r = cli().run("inspect", "-f", "{{json .Driver}}", "m1");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                0,
                "{\"EnginePort\":2376,\"IPAddress\":\"127.0.0.1\",\"MachineName\":\"m1\","
                    + "\"SSHKey\":\"\",\"SSHKeyPath\":\"\",\"SSHPort\":2222,\"SSHUser\":\"root\","
                    + "\"StorePath\":\""
                    + store
                    + "\",\"SwarmDiscovery\":\"\",\"SwarmHost\":\"\",\"SwarmMaster\":false,"
                    + "\"Tags\":null,\"Verbose\":false}\n",
                ""));
  }

  @Test
  void rm_pluginMachine_removesIt() throws IOException {
    storeMachine("m1", closedPort());

    CliRunner.Result r = cli().run("rm", "-y", "m1");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                0,
                "About to remove m1\n"
                    + "WARNING: This action will delete both local reference and remote instance.\n"
                    + "Successfully removed m1\n",
                ""));
    assertThat(store.resolve("machines/m1")).doesNotExist();
  }

  @Test
  void url_pluginOfAnotherApiVersion_failsWithTheVersionError() throws IOException {
    storeMachine("m1", closedPort());

    CliRunner.Result r = cli().env("SSHTEST_MODE", "version2").run("url", "m1");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(1, "", "Driver binary uses an incompatible API version (2)\n"));
  }

  @Test
  void url_pluginThatNeverPrintsItsAddress_failsAfterTenSecondsAndEndsIt() throws IOException {
    storeMachine("m1", closedPort());

    CliRunner.Result r = cli().env("SSHTEST_MODE", "silent").run("url", "m1");

    assertThat(r)
        .isEqualTo(new CliRunner.Result(1, "", "Failed to dial the plugin server in 10s\n"));
    assertThat(startedPlugins()).isEqualTo(1);
  }

  @Test
  void create_driverWithoutPluginBinary_saysWhichBinaryIsMissing() {
    CliRunner.Result r = cli().run("create", "-d", "hetzner", "m1");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                1,
                "",
                "Driver \"hetzner\" not found. Do you have the plugin binary"
                    + " \"docker-machine-driver-hetzner\" accessible in your PATH? Available"
                    + " drivers: amazonec2, digitalocean, generic, none, nspawn\n"));
  }

  @Test
  void ls_machineWhosePluginIsMissing_showsItAsNotFound() throws IOException {
    createCertificates();
    storeMachine("m1", closedPort());
    Files.delete(bin.resolve("docker-machine-driver-sshtest"));

    CliRunner.Result r = cli().run("ls");

    assertThat(r.out())
        .isEqualTo(
            "NAME   ACTIVE   DRIVER      STATE   URL   SWARM   DOCKER    ERRORS\n"
                + "m1     -        not-found   Error                 Unknown   Driver \"sshtest\" not"
                + " found. Do you have the plugin binary accessible in your PATH?\n");
  }
}
