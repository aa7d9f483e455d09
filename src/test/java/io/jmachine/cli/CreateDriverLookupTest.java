package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-machine loads the driver `create` names before it looks at anything else on the command
 * line: a missing driver is the one error, whatever else is wrong or asked for.
 */
class CreateDriverLookupTest {
  private static final String BOGUS =
      "Driver \"bogus\" not found. Do you have the plugin binary \"docker-machine-driver-bogus\""
          + " accessible in your PATH? Available drivers: amazonec2, digitalocean, generic, none, nspawn\n";

  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(dir.resolve("store"));
  }

  @Test
  void create_unknownDriverAndNoName_failsOnTheDriver() {
    CliRunner.Result r = cli().run("create", "-d", "bogus");

    assertThat(r).isEqualTo(new CliRunner.Result(1, "", BOGUS));
  }

  @Test
  void create_unknownDriverAndExtraArguments_failsOnTheDriver() {
    CliRunner.Result r = cli().run("create", "--driver=bogus", "a", "b");

    assertThat(r).isEqualTo(new CliRunner.Result(1, "", BOGUS));
  }

  @Test
  void create_unknownDriverAndHelp_failsOnTheDriver() {
    CliRunner.Result r = cli().run("create", "-d", "bogus", "--help");

    assertThat(r).isEqualTo(new CliRunner.Result(1, "", BOGUS));
  }

  @Test
  void create_unknownDriverFromMachineDriverAndAnUnknownFlag_failsOnTheDriver() {
    CliRunner.Result r = cli().env("MACHINE_DRIVER", "bogus").run("create", "--nope", "m");

    assertThat(r).isEqualTo(new CliRunner.Result(1, "", BOGUS));
  }

  @Test
  void create_flagNamesAKnownDriver_overridesAnUnknownMachineDriver() {
    CliRunner.Result r = cli().env("MACHINE_DRIVER", "bogus").run("create", "-d", "none", "m");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                1,
                "",
                "Error setting machine configuration from flags provided: --url option is"
                    + " required when no driver is selected\n"));
  }

  @Test
  void create_noDriverNamedAndNoName_showsHelpAndAsksForTheName() {
    CliRunner.Result r = cli().run("create");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("Usage: docker-machine create [OPTIONS] [arg...]\n");
    assertThat(r.err()).isEqualTo("Error: No machine name specified\n");
  }
}
