package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install-strategy flag and engine values that cannot be passed on, at create time. */
class CreateEngineFlagsTest {
  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(dir.resolve("store"));
  }

  @Test
  void help_listsTheStrategyFlagWithItsVariable() {
    CliRunner.Result help = cli().run("create", "-d", "generic", "--help");

    assertThat(help.out())
        .containsPattern(
            "\n   --engine-install-strategy \t+How to install Docker if missing: script"
                + " \\(--engine-install-url\\), distro, version:X, file:PATH or none"
                + " \\[\\$MACHINE_DOCKER_INSTALL_STRATEGY\\]\n");
  }

  @Test
  void badStrategy_failsBeforeAnythingIsStored() {
    CliRunner.Result r =
        cli()
            .run(
                "create",
                "-d",
                "none",
                "--url",
                "tcp://1.2.3.4:2376",
                "--engine-install-strategy",
                "apt",
                "m");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Invalid --engine-install-strategy \"apt\": use script, distro, version:VERSION,"
                + " file:PATH or none\n");
    assertThat(dir.resolve("store/machines/m")).doesNotExist();
  }

  @Test
  void strategyFromTheEnvironment_isStored() throws Exception {
    CliRunner.Result r =
        cli()
            .env("MACHINE_DOCKER_INSTALL_STRATEGY", "version:24.0")
            .run("create", "-d", "none", "--url", "tcp://1.2.3.4:2376", "m");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("store/machines/m/config.json")))
        .contains(
            "\"InstallURL\": \"https://get.docker.com\",\n"
                + "            \"InstallStrategy\": \"version:24.0\"\n        },");
  }

  @Test
  void registryMirrorVariable_isSplitOnCommasAndTrimmed_thenTheFlagsAppended() throws Exception {
    CliRunner.Result r =
        cli()
            .env("ENGINE_REGISTRY_MIRROR", "https://a.example, https://b.example")
            .run(
                "create",
                "-d",
                "none",
                "--url",
                "tcp://1.2.3.4:2376",
                "--engine-registry-mirror",
                "https://c.example",
                "m");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("store/machines/m/config.json")))
        .contains(
            """
                        "RegistryMirror": [
                            "https://a.example",
                            "https://b.example",
                            "https://c.example"
                        ],
            """);
  }

  @Test
  void noStrategy_configHasNoSuchField() throws Exception {
    CliRunner.Result r = cli().run("create", "-d", "none", "--url", "tcp://1.2.3.4:2376", "m");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("store/machines/m/config.json")))
        .doesNotContain("InstallStrategy");
  }

  @Test
  void engineEnvWithANewline_isRefusedClearly_nothingStored() {
    CliRunner.Result r =
        cli()
            .run(
                "create",
                "-d",
                "none",
                "--url",
                "tcp://1.2.3.4:2376",
                "--engine-env",
                "A=1\nExecStartPre=/bin/sh",
                "m");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Invalid --engine-env \"A=1\\nExecStartPre=/bin/sh\": it contains a line break or"
                + " another control character, which the Docker daemon's configuration cannot"
                + " hold\n");
    assertThat(dir.resolve("store/machines/m")).doesNotExist();
  }
}
