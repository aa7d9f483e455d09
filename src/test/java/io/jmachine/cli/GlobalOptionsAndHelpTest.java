package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global options, the debug switch and the help screens, as codegangsta/cli renders them. */
class GlobalOptionsAndHelpTest {
  @TempDir Path home;
  private CliRunner cli;
  private Path store;

  @BeforeEach
  void setUp() {
    store = home.resolve("store");
    cli = new CliRunner(store);
  }

  @Test
  void appHelp_debugFlag_namesNoVariable() {
    String help = cli.runRaw("--help").out();

    // the tab count follows the widest flag, which here is the store path
    assertThat(help).containsPattern("\n  --debug, -D\t+Enable debug mode\n");
  }

  @Test
  void appHelp_storagePathVariableSet_showsItAsTheDefault() {
    String help = cli.env("MACHINE_STORAGE_PATH", "/srv/machines").runRaw("--help").out();

    assertThat(help)
        .contains(
            "\n  --storage-path, -s \"/srv/machines\"\tConfigures storage path"
                + " [$MACHINE_STORAGE_PATH]\n");
  }

  @Test
  void appHelp_storagePathVariableUnset_showsTheHomeStore() {
    String help = cli.runRaw("--help").out();

    assertThat(help)
        .contains("\n  --storage-path, -s \"" + home.resolve(".docker/machine") + "\"\t");
  }

  @Test
  void unknownCommand_programRenamed_namesTheProgramTwice() {
    CliRunner.Result r = cli.invokedAs("/opt/bin/dm").runRaw("frobnicate");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("dm: 'frobnicate' is not a dm command. See '/opt/bin/dm --help'.\n");
  }

  @Test
  void commandHelp_programRenamed_keepsDockerMachineInTheUsageLine() {
    CliRunner.Result r = cli.invokedAs("/opt/bin/dm").run("ip", "--help");

    assertThat(r.out())
        .isEqualTo(
            "Usage: docker-machine ip [arg...]\n\nGet the IP address of a machine\n\n"
                + "Description:\n   Argument(s) are one or more machine names.\n");
  }

  @Test
  void createHelp_programRenamed_namesTheProgramAsInvokedInTheDescription() {
    String help = cli.invokedAs("/opt/bin/dm").run("create", "--help").out();

    assertThat(help)
        .startsWith(
            "Usage: docker-machine create [OPTIONS] [arg...]\n\nCreate a machine\n\n"
                + "Description:\n   Run '/opt/bin/dm create --driver name --help' to include the"
                + " create flags for that driver in the help text.\n");
  }

  @Test
  void debugVariableTrue_printsTheVersionLineOnStderr() {
    CliRunner.Result r = cli.env("MACHINE_DEBUG", "1").run("ls", "-q");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Docker Machine Version:  0.16.2, build jmachine\n");
  }

  @Test
  void debugVariableFalse_overridesTheDebugFlag() {
    CliRunner.Result r = cli.env("MACHINE_DEBUG", "false").run("-D", "ls", "-q");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
  }
}
