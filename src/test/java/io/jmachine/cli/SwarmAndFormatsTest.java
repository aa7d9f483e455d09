package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SWARM column and filter, ACTIVE for swarm masters, and the JSON template functions. */
class SwarmAndFormatsTest {
  @TempDir Path home;
  private CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(home.resolve("store"));
    create("sw1", "tcp://127.0.0.1:2375", "--swarm-master", "--swarm-discovery", "token://abc");
    create("sw2", "tcp://127.0.0.2:2375", "--swarm", "--swarm-discovery", "token://abc");
    create("N1", "tcp://127.0.0.3:2375");
  }

  private void create(String name, String url, String... flags) {
    String[] args = new String[flags.length + 6];
    args[0] = "create";
    args[1] = "-d";
    args[2] = "none";
    args[3] = "--url";
    args[4] = url;
    System.arraycopy(flags, 0, args, 5, flags.length);
    args[args.length - 1] = name;
    CliRunner.Result r = cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void swarmColumn_namesTheMaster_andActiveSwarmFollowsDockerHost() {
    cli.env("DOCKER_HOST", "tcp://127.0.0.1:3376");
    String out = cli.run("ls", "-t", "1", "--format", "{{.Name}}|{{.Active}}|{{.Swarm}}").out();
    assertThat(out).isEqualTo("N1|-|\nsw1|* (swarm)|sw1 (master)\nsw2|-|sw1\n");
  }

  @Test
  void swarmFilter_matchesMasterAndAgents_caseInsensitively() {
    assertThat(cli.run("ls", "-q", "--filter", "swarm=SW1").out()).isEqualTo("sw1\nsw2\n");
  }

  @Test
  void swarmFlags_areStoredAsDockerMachineStoresThem() {
    assertThat(
            cli.run(
                    "inspect",
                    "-f",
                    "{{.HostOptions.SwarmOptions.IsSwarm}} {{.HostOptions.SwarmOptions.Master}}"
                        + " {{.HostOptions.SwarmOptions.Agent}} {{.HostOptions.SwarmOptions.Host}}",
                    "sw2")
                .out())
        .isEqualTo("true false true tcp://0.0.0.0:3376\n");
  }

  @Test
  void inspect_jsonAndPrettyjson_sortKeysLikeGo() {
    assertThat(cli.run("inspect", "-f", "{{json .Driver}}", "N1").out())
        .startsWith("{\"IPAddress\":\"127.0.0.3:2375\",\"MachineName\":\"N1\",\"SSHKeyPath\":\"\"");
    assertThat(
            cli.run("inspect", "-f", "{{prettyjson .HostOptions.EngineOptions.Labels}}", "N1")
                .out())
        .isEqualTo("[]\n");
  }

  @Test
  void ls_jsonOfARow_keepsStructFieldOrder() {
    assertThat(
            cli.run(
                    "ls",
                    "-t",
                    "1",
                    "--filter",
                    "name=N1",
                    "--format",
                    "{{json .Name}} {{.SwarmOptions.Master}}")
                .out())
        .isEqualTo("\"N1\" false\n");
  }

  @Test
  void ls_unknownRowField_isAnError() {
    CliRunner.Result r = cli.run("ls", "-t", "1", "--format", "{{.Nope}}");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("can't evaluate field Nope in type commands.HostListItem");
  }

  @Test
  void ls_optionFields_haveGoNames_andUnsetSlicesPrintEmpty() {
    CliRunner.Result r =
        cli.run(
            "ls",
            "-t",
            "1",
            "--filter",
            "name=N1",
            "--format",
            "{{.EngineOptions.DNS}} {{.EngineOptions.TLSVerify}} {{.SwarmOptions.Env}}|"
                + "{{printf \"%+v\" .SwarmOptions}}");
    assertThat(r.out())
        .isEqualTo(
            "[] true []|&{IsSwarm:false Address: Discovery: Agent:false Master:false"
                + " Host:tcp://0.0.0.0:3376 Image:swarm:latest Strategy:spread Heartbeat:0"
                + " Overcommit:0 ArbitraryFlags:[] ArbitraryJoinFlags:[] Env:[]"
                + " IsExperimental:false}\n");
    CliRunner.Result jsonName =
        cli.run("ls", "-t", "1", "--filter", "name=N1", "--format", "{{.EngineOptions.Dns}}");
    assertThat(jsonName.exit()).isEqualTo(1);
    assertThat(jsonName.err())
        .isEqualTo(
            "template: :1:16: executing \"\" at <.EngineOptions.Dns>: can't evaluate field Dns"
                + " in type *engine.Options\n");
  }

  @Test
  void ls_unloadableMachine_hasNilOptions_andRowsBeforeAFailingOneArePrinted() throws Exception {
    Path broken = cli.store().resolve("machines/zz");
    java.nio.file.Files.createDirectories(broken);
    java.nio.file.Files.writeString(broken.resolve("config.json"), "{");

    assertThat(cli.run("ls", "-t", "1", "--format", "{{.Name}} {{.EngineOptions}}").out())
        .endsWith("sw2 {[] []  [] false [] []   false true [] https://get.docker.com}\nzz <nil>\n");
    CliRunner.Result r =
        cli.run("ls", "-t", "1", "--format", "{{.Name}}:{{.SwarmOptions.Strategy}}");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("N1:spread\nsw1:spread\nsw2:spread\nzz:");
    assertThat(r.err())
        .isEqualTo(
            "template: :1:25: executing \"\" at <.SwarmOptions.Strategy>: nil pointer evaluating"
                + " *swarm.Options.Strategy\n");
  }

  @Test
  void rm_y_removesWithoutPrompt() {
    CliRunner.Result r = cli.run("rm", "-y", "N1");
    assertThat(r.out())
        .isEqualTo(
            "About to remove N1\nWARNING: This action will delete both local reference and remote"
                + " instance.\nSuccessfully removed N1\n");
    assertThat(cli.run("ls", "-q").out()).isEqualTo("sw1\nsw2\n");
  }
}
