package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every everyday command against none-driver machines, with exact outputs. */
class NoneMachineCommandsTest {
  @TempDir Path home;
  private CliRunner cli;
  private Path store;

  @BeforeEach
  void setUp() {
    store = home.resolve("store");
    cli = new CliRunner(store);
  }

  private void create(String name, String url) {
    CliRunner.Result r = cli.run("create", "-d", "none", "--url", url, name);
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void create_firstMachine_bootstrapsCertsAndPrintsDockerMachineMessages() {
    CliRunner.Result r = cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:2376", "m1");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "Creating CA: "
                + store.resolve("certs/ca.pem")
                + "\nCreating client certificate: "
                + store.resolve("certs/cert.pem")
                + "\nRunning pre-create checks...\nCreating machine...\n"
                + "To see how to connect your Docker Client to the Docker Engine running on this"
                + " virtual machine, run: docker-machine env m1\n");
  }

  @Test
  void create_secondMachine_reusesCertificates() {
    create("m1", "tcp://127.0.0.1:2376");
    CliRunner.Result r = cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:2377", "m2");

    assertThat(r.out())
        .isEqualTo(
            "Running pre-create checks...\nCreating machine...\n"
                + "To see how to connect your Docker Client to the Docker Engine running on this"
                + " virtual machine, run: docker-machine env m2\n");
  }

  @Test
  void create_writesDockerMachineLayoutAndModes() throws Exception {
    create("m1", "tcp://127.0.0.1:2376");

    assertThat(mode(store.resolve("machines"))).isEqualTo("rwx------");
    assertThat(mode(store.resolve("machines/m1"))).isEqualTo("rwx------");
    assertThat(mode(store.resolve("machines/m1/config.json"))).isEqualTo("rw-------");
    assertThat(mode(store.resolve("certs"))).isEqualTo("rwx------");
    assertThat(mode(store.resolve("certs/ca.pem"))).isEqualTo("rw-r--r--");
    assertThat(mode(store.resolve("certs/ca-key.pem"))).isEqualTo("rw-------");
    assertThat(mode(store.resolve("machines/m1/key.pem"))).isEqualTo("rw-------");
    assertThat(mode(store.resolve("machines/m1/cert.pem"))).isEqualTo("rw-r--r--");
    String config = Files.readString(store.resolve("machines/m1/config.json"));
    assertThat(config).doesNotEndWith("\n");
    assertThat(config)
        .contains(
            "    \"Driver\": {\n        \"IPAddress\": \"127.0.0.1:2376\",\n"
                + "        \"MachineName\": \"m1\",\n")
        .contains(
            "        \"URL\": \"tcp://127.0.0.1:2376\"\n    },\n    \"DriverName\": \"none\",")
        .contains("\"ServerCertSANs\": [],")
        .contains("\"Dns\": null,")
        .contains("\"Overcommit\": 0,");
  }

  @Test
  void url_ip_status_printBareValues() {
    create("m1", "tcp://127.0.0.1:2376");

    assertThat(cli.run("url", "m1").out()).isEqualTo("tcp://127.0.0.1:2376\n");
    assertThat(cli.run("ip", "m1").out()).isEqualTo("127.0.0.1:2376\n");
    assertThat(cli.run("status", "m1").out()).isEqualTo("Running\n");
  }

  @Test
  void ip_urlWithUserInfo_isGosUrlHost() {
    create("m1", "tcp://me:secret@127.0.0.1:2376");

    assertThat(cli.run("ip", "m1")).isEqualTo(new CliRunner.Result(0, "127.0.0.1:2376\n", ""));
  }

  @Test
  void ip_severalMachines_printsInArgumentOrder() {
    create("m1", "tcp://127.0.0.1:2376");
    create("m2", "tcp://127.0.0.2:2376");

    assertThat(cli.run("ip", "m2", "m1").out()).isEqualTo("127.0.0.2:2376\n127.0.0.1:2376\n");
  }

  @Test
  void noName_usesDefaultMachine_orSaysThereIsNone() {
    CliRunner.Result none = cli.run("url");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err())
        .isEqualTo("Error: No machine name(s) specified and no \"default\" machine exists\n");

    create("default", "tcp://127.0.0.1:2376");
    assertThat(cli.run("url").out()).isEqualTo("tcp://127.0.0.1:2376\n");
  }

  @Test
  void inspect_format_readsJsonKeys() {
    cli.run(
        "create", "-d", "none", "--url", "tcp://127.0.0.1:2376", "--engine-label", "foo=bar", "m1");

    assertThat(cli.run("inspect", "-f", "{{.Driver.IPAddress}}", "m1").out())
        .isEqualTo("127.0.0.1:2376\n");
    assertThat(cli.run("inspect", "--format", "{{.HostOptions.EngineOptions.Labels}}", "m1").out())
        .isEqualTo("[foo=bar]\n");
    assertThat(cli.run("inspect", "-f", "{{.Nope}}", "m1").out()).isEqualTo("<no value>\n");
  }

  @Test
  void inspect_withoutFormat_isConfigJsonPlusNewline() throws Exception {
    create("m1", "tcp://127.0.0.1:2376");

    assertThat(cli.run("inspect", "m1").out())
        .isEqualTo(Files.readString(store.resolve("machines/m1/config.json")) + "\n");
  }

  @Test
  void powerVerbs_onNoneDriver_sayWhyAndFail() {
    create("m1", "tcp://127.0.0.1:2376");

    CliRunner.Result stop = cli.run("stop", "m1");
    assertThat(stop.exit()).isEqualTo(1);
    assertThat(stop.out()).isEqualTo("Stopping \"m1\"...\n");
    assertThat(stop.err()).isEqualTo("hosts without a driver cannot be stopped\n");

    CliRunner.Result kill = cli.run("kill", "m1");
    assertThat(kill.err()).isEqualTo("hosts without a driver cannot be killed\n");

    CliRunner.Result start = cli.run("start", "m1");
    assertThat(start.err()).isEqualTo("Machine \"m1\" is already running.\n");

    CliRunner.Result restart = cli.run("restart", "m1");
    assertThat(restart.err()).isEqualTo("hosts without a driver cannot be restarted\n");
  }

  @Test
  void ssh_onNoneDriver_explainsThereIsNoSsh() {
    create("m1", "tcp://127.0.0.1:2376");

    CliRunner.Result r = cli.run("ssh", "m1", "uname", "-a");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Error: machine \"m1\" uses the none driver, which has no SSH access: it only records"
                + " the URL of an existing Docker engine\n");
  }

  @Test
  void rm_prompt_declined_keepsMachine() {
    create("m1", "tcp://127.0.0.1:2376");

    CliRunner.Result r = cli.runWithInput("n\n", "rm", "m1");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "About to remove m1\nWARNING: This action will delete both local reference and remote"
                + " instance.\nAre you sure? (y/n): ");
    assertThat(Files.isDirectory(store.resolve("machines/m1"))).isTrue();
  }

  @Test
  void rm_confirmed_removesEveryNamedMachine() {
    create("a1", "tcp://127.0.0.1:2376");
    create("a2", "tcp://127.0.0.1:2376");

    CliRunner.Result r = cli.runWithInput("y\n", "rm", "a1", "a2");
    assertThat(r.out())
        .isEqualTo(
            "About to remove a1, a2\nWARNING: This action will delete both local reference and"
                + " remote instance.\nAre you sure? (y/n): Successfully removed a1\n"
                + "Successfully removed a2\n");
    assertThat(store.resolve("machines/a1")).doesNotExist();
    assertThat(store.resolve("machines/a2")).doesNotExist();
  }

  @Test
  void rm_force_missingMachine_reportsAndExitsZero() {
    CliRunner.Result r = cli.run("rm", "-f", "ghost");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "About to remove ghost\nWARNING: This action will delete both local reference and"
                + " remote instance.\n");
    assertThat(r.err())
        .isEqualTo(
            "Error removing host \"ghost\": Docker machine \"ghost\" does not exist. Use"
                + " \"docker-machine ls\" to list machines. Use \"docker-machine create\" to add a"
                + " new one.\nCan't remove \"ghost\"\n");
  }

  @Test
  void rm_yes_announcesTheRemovalWithoutAsking() {
    create("m1", "tcp://127.0.0.1:2376");

    CliRunner.Result r = cli.runWithInput("n\n", "rm", "m1", "-y");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "About to remove m1\nWARNING: This action will delete both local reference and remote"
                + " instance.\nSuccessfully removed m1\n");
    assertThat(r.err()).isEmpty();
    assertThat(store.resolve("machines/m1")).doesNotExist();
  }

  @Test
  void rm_answerOfTwoWords_keepsMachine() {
    create("m1", "tcp://127.0.0.1:2376");

    // Go's Scanln refuses a second word, and docker-machine takes that as no
    CliRunner.Result r = cli.runWithInput("yes please\n", "rm", "m1");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(Files.isDirectory(store.resolve("machines/m1"))).isTrue();
  }

  @Test
  void regenerateCerts_emptyAnswer_failsWithScanlnError() {
    create("m1", "tcp://127.0.0.1:2376");

    CliRunner.Result r = cli.runWithInput("\n", "regenerate-certs", "m1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo("Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): ");
    assertThat(r.err()).isEqualTo("unexpected newline\n");
  }

  @Test
  void regenerateCerts_noInput_failsWithEof() {
    create("m1", "tcp://127.0.0.1:2376");

    CliRunner.Result r = cli.runWithInput("", "regenerate-certs", "m1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("EOF\n");
  }

  @Test
  void regenerateCerts_confirmedWithoutDefault_announcesThenFails() {
    CliRunner.Result r = cli.runWithInput(" Y \n", "regenerate-certs");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): "
                + "Regenerating TLS certificates\n");
    assertThat(r.err())
        .isEqualTo("Error: No machine name(s) specified and no \"default\" machine exists\n");
  }

  @Test
  void ls_quiet_and_filters() {
    create("web1", "tcp://127.0.0.1:1");
    create("db1", "tcp://127.0.0.1:1");
    cli.run(
        "create", "-d", "none", "--url", "tcp://127.0.0.1:1", "--engine-label", "env=prod", "web2");

    assertThat(cli.run("ls", "-q").out()).isEqualTo("db1\nweb1\nweb2\n");
    assertThat(cli.run("ls", "-q", "--filter", "name=web").out()).isEqualTo("web1\nweb2\n");
    assertThat(cli.run("ls", "-q", "--filter", "label=env=PROD").out()).isEqualTo("web2\n");
    assertThat(cli.run("ls", "-q", "--filter", "name=db", "--filter", "name=2").out())
        .isEqualTo("db1\nweb2\n");
    assertThat(cli.run("ls", "-q", "--filter", "driver=none", "--filter", "name=db").out())
        .isEqualTo("db1\n");
    assertThat(cli.run("ls", "-q", "--filter", "state=Running", "--filter", "name=1").out())
        .isEqualTo("db1\nweb1\n");
  }

  @Test
  void ls_table_unreachableEngines_showUnknownWithReason() {
    create("n10", "tcp://127.0.0.1:1");
    create("n9", "tcp://127.0.0.1:1");

    CliRunner.Result r = cli.run("ls");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "NAME   ACTIVE   DRIVER   STATE     URL                 SWARM   DOCKER    ERRORS\n"
                + "n9     -        none     Running   tcp://127.0.0.1:1           Unknown   Unable to"
                + " query docker version: Cannot connect to the docker engine endpoint\n"
                + "n10    -        none     Running   tcp://127.0.0.1:1           Unknown   Unable to"
                + " query docker version: Cannot connect to the docker engine endpoint\n");
  }

  @Test
  void version_unreachableEngine_saysSoInLsWords() {
    create("n1", "tcp://127.0.0.1:1");

    CliRunner.Result r = cli.run("version", "n1");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "Unable to query docker version: Cannot connect to the docker engine endpoint\n");
  }

  @Test
  void ls_activeColumn_followsDockerHost() {
    create("m1", "tcp://127.0.0.1:1");
    cli.env("DOCKER_HOST", "tcp://127.0.0.1:1");

    assertThat(cli.run("ls", "--format", "{{.Name}} {{.Active}} {{.ActiveHost}}").out())
        .isEqualTo("m1 * true\n");
    assertThat(cli.run("active").out()).isEqualTo("m1\n");
  }

  @Test
  void active_nothingActive_fails() {
    create("m1", "tcp://127.0.0.1:1");
    CliRunner.Result r = cli.run("active");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("No active host found\n");
  }

  @Test
  void ls_brokenConfig_isAnErrorRow_othersUnaffected() throws Exception {
    create("good", "tcp://127.0.0.1:1");
    Files.createDirectories(store.resolve("machines/broken"));
    Files.writeString(store.resolve("machines/broken/config.json"), "{bad");

    String out = cli.run("ls", "--format", "{{.Name}}|{{.DriverName}}|{{.State}}|{{.Error}}").out();
    assertThat(out.lines())
        .hasSize(2)
        .anySatisfy(
            l -> assertThat(l).startsWith("broken|not found|Error|Error getting migrated host: "))
        .anySatisfy(l -> assertThat(l).startsWith("good|none|Running|"));
  }

  @Test
  void env_unset_printsUnsetLinesAndHint() {
    assertThat(cli.run("env", "-u").out())
        .isEqualTo(
            "unset DOCKER_TLS_VERIFY\nunset DOCKER_HOST\nunset DOCKER_CERT_PATH\n"
                + "unset DOCKER_MACHINE_NAME\n# Run this command to configure your shell: \n"
                + "# eval $(docker-machine -s "
                + store
                + " env -u)\n");
    assertThat(cli.run("env", "--shell", "fish", "-u").out())
        .startsWith("set -e DOCKER_TLS_VERIFY;\nset -e DOCKER_HOST;\n");
  }

  @Test
  void env_unreachableEngine_failsWithTheCertCheckMessage() {
    create("m1", "tcp://127.0.0.1:1");
    CliRunner.Result r = cli.run("env", "m1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "Error checking TLS connection: Error checking and/or regenerating the certs: There was"
                + " an error validating certificates for host \"127.0.0.1:1\": ")
        .endsWith(
            "\nYou can attempt to regenerate them using 'docker-machine regenerate-certs [name]'.\n"
                + "Be advised that this will trigger a Docker daemon restart which might stop"
                + " running containers.\n\n");
  }

  @Test
  void version_printsToolVersion() {
    assertThat(cli.run("version").out())
        .isEqualTo("docker-machine version 0.16.2, build jmachine\n");
    assertThat(cli.runRaw("-v").out()).isEqualTo("docker-machine version 0.16.2, build jmachine\n");
  }

  @Test
  void lsHelp_hasDockerMachineLayout() {
    assertThat(cli.run("ls", "--help").out())
        .isEqualTo(
            "Usage: docker-machine ls [OPTIONS] [arg...]\n\nList machines\n\nOptions:\n   \n"
                + "   --quiet, -q\t\t\t\t\tEnable quiet mode\n"
                + "   --filter [--filter option --filter option]\tFilter output based on conditions"
                + " provided\n"
                + "   --timeout, -t \"10\"\t\t\t\tTimeout in seconds, default to 10s\n"
                + "   --format, -f \t\t\t\tPretty-print machines using a Go template\n");
  }

  @Test
  void createHelp_listsSharedAndDriverFlags_sorted_withThreeSpaceIndent() {
    String help = cli.run("create", "-d", "none", "--help").out();
    assertThat(help)
        .startsWith("Usage: docker-machine create [OPTIONS] [arg...]\n\nCreate a machine\n");
    assertThat(help).contains("\n   --driver, -d \"virtualbox\"\t").contains("[$MACHINE_DRIVER]");
    assertThat(help).contains("\n   --url \t");
    assertThat(help.indexOf("--engine-env")).isLessThan(help.indexOf("--url"));
  }

  @Test
  void appHelp_listsEveryCommand() {
    CliRunner.Result r = cli.runRaw();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Usage: docker-machine [OPTIONS] COMMAND [arg...]\n");
    for (String verb :
        new String[] {
          "active", "config", "create", "env", "inspect", "ip", "kill", "ls", "provision",
          "regenerate-certs", "restart", "rm", "ssh", "scp", "mount", "start", "status", "stop",
          "upgrade", "url", "version", "help"
        }) {
      assertThat(r.out()).containsPattern("\n  " + verb + "\t+");
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
