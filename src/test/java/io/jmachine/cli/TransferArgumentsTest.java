package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scp and mount arguments that fail before any tool runs, worded as docker-machine words them. The
 * tools on PATH are stand-ins that are never started.
 */
class TransferArgumentsTest {
  private static final String NOPE =
      "Docker machine \"nope\" does not exist. Use \"docker-machine ls\" to list machines. Use"
          + " \"docker-machine create\" to add a new one.\n";

  @TempDir Path dir;

  private CliRunner cliWithTools(String... tools) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : tools) {
      Files.writeString(bin.resolve(tool), "#!/bin/sh\nexit 99\n");
      Files.setPosixFilePermissions(
          bin.resolve(tool), PosixFilePermissions.fromString("rwx------"));
    }
    return new CliRunner(dir.resolve("store")).env("PATH", bin.toString());
  }

  @Test
  void scp_unknownMachine_failsWithDockerMachinesTwoPrefixes() throws IOException {
    CliRunner.Result r = cliWithTools("scp").run("scp", "/tmp/a", "nope:/b");

    assertThat(r)
        .isEqualTo(new CliRunner.Result(1, "", "Error loading host: Error loading host: " + NOPE));
  }

  @Test
  void scp_withoutScpOnPath_failsOnTheToolBeforeLoadingTheMachine() throws IOException {
    CliRunner.Result r = cliWithTools().run("scp", "nope:/a", "/tmp/b");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                1, "", "You must have a copy of the scp binary locally to use the scp feature\n"));
  }

  @Test
  void scpDelta_withoutRsyncOnPath_failsOnTheToolBeforeLoadingTheMachine() throws IOException {
    CliRunner.Result r = cliWithTools("scp").run("scp", "-d", "nope:/a", "/tmp/b");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                1,
                "",
                "You must have a copy of the rsync binary locally to use the --delta option\n"));
  }

  @Test
  void mount_unknownMachine_failsWithDockerMachinesTwoPrefixes() throws IOException {
    CliRunner.Result r = cliWithTools("sshfs").run("mount", "nope:/data", "/tmp/mnt");

    assertThat(r)
        .isEqualTo(new CliRunner.Result(1, "", "error loading host: Error loading host: " + NOPE));
  }

  @Test
  void unmount_unknownMachine_stillLoadsIt_andFails() throws IOException {
    CliRunner.Result r = cliWithTools("fusermount").run("mount", "-u", "nope:/data", "/tmp/mnt");

    assertThat(r)
        .isEqualTo(new CliRunner.Result(1, "", "error loading host: Error loading host: " + NOPE));
  }

  @Test
  void mount_withoutColon_usesTheDefaultMachine() throws IOException {
    CliRunner.Result r = cliWithTools("sshfs").run("mount", "/data");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("error loading host: Error loading host: " + NOPE.replace("nope", "default"));
  }

  @Test
  void mount_localhost_isAMachineName() throws IOException {
    CliRunner.Result r = cliWithTools("sshfs").run("mount", "localhost:/data");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("error loading host: Error loading host: " + NOPE.replace("nope", "localhost"));
  }

  @Test
  void mount_withoutSshfsOnPath_failsOnTheTool() throws IOException {
    CliRunner.Result r = cliWithTools().run("mount", "nope:/data");

    assertThat(r)
        .isEqualTo(
            new CliRunner.Result(
                1,
                "",
                "You must have a copy of the sshfs binary locally to use the mount feature\n"));
  }
}
