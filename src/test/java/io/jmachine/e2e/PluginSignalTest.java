package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.gob.GoFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command stopped by a signal to its own process (what `timeout` and `kill` send) still ends the
 * plugins it started, instead of leaving them to run until their heartbeat runs out.
 */
class PluginSignalTest {
  @TempDir Path dir;

  @Test
  void sigterm_duringAPluginCreate_endsThePluginWithTheCommand() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(
        bin.resolve("docker-machine-driver-sshtest"),
        GoFixtures.binary("docker-machine-driver-sshtest"));
    Path pids = dir.resolve("plugin.pids");
    ProcessBuilder pb =
        new ProcessBuilder(
                Tools.dockerMachineScript(dir).toString(),
                "create",
                "-d",
                "sshtest",
                "--sshtest-ip-address",
                "127.0.0.1",
                "slowpoke") // the test plugin's Create takes 2 s for such names
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("output").toFile());
    Map<String, String> env = pb.environment();
    env.put("MACHINE_STORAGE_PATH", dir.resolve("store").toString());
    env.put("HOME", dir.toString());
    env.put("PATH", bin + ":/usr/bin:/bin");
    env.put("SSHTEST_PIDFILE", pids.toString());
    Process command = pb.start();
    try {
      for (int i = 0; i < 300 && !Files.exists(pids); i++) {
        Thread.sleep(100);
      }
      assertThat(pids).as(Files.readString(dir.resolve("output"))).exists();
      Thread.sleep(500); // well into the handshake or the create

      new ProcessBuilder("kill", "-TERM", Long.toString(command.pid())).start().waitFor();

      assertThat(command.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (String pid : Files.readAllLines(pids)) {
        Optional<ProcessHandle> plugin = ProcessHandle.of(Long.parseLong(pid));
        // the plugin is the command's child, ended (and reaped) before the command exited
        assertThat(plugin.map(ProcessHandle::isAlive))
            .as("plugin " + pid)
            .isNotEqualTo(Optional.of(true));
      }
    } finally {
      command.destroyForcibly();
      for (String pid : Files.exists(pids) ? Files.readAllLines(pids) : List.<String>of()) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }
}
