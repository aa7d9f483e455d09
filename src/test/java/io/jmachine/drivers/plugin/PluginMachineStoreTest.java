package io.jmachine.drivers.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.driver.DriverRegistry;
import io.jmachine.gob.GoFixtures;
import io.jmachine.host.Host;
import io.jmachine.store.FileMachineStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and saving a plugin machine without asking its driver anything starts no plugin. */
class PluginMachineStoreTest {
  @TempDir Path dir;

  @Test
  void loadAndSave_pluginNeverStarted_keepsConfigByteIdenticalAndStartsNothing()
      throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(
        bin.resolve("docker-machine-driver-sshtest"),
        GoFixtures.binary("docker-machine-driver-sshtest"));
    Path pids = dir.resolve("plugin-pids");
    Path root = dir.resolve("store");
    Path config = Files.createDirectories(root.resolve("machines/m1")).resolve("config.json");
    Files.writeString(
        config,
        Files.readString(Path.of("src/test/resources/stores/plugin/config.json"))
            .replace("STORE", root.toString()));
    byte[] before = Files.readAllBytes(config);

    try (PluginDrivers plugins =
        new PluginDrivers(
            Map.of("PATH", bin + ":/usr/bin:/bin", "SSHTEST_PIDFILE", pids.toString()),
            line -> {},
            line -> {})) {
      FileMachineStore store =
          new FileMachineStore(root, new DriverRegistry(List.of(), plugins::find));
      Host host = store.load("m1");
      store.save(host);

      assertThat(host.driver().machineName()).isEqualTo("m1");
      assertThat(host.driver().driverName()).isEqualTo("sshtest");
    }

    assertThat(Files.readAllBytes(config)).isEqualTo(before);
    assertThat(pids).doesNotExist();
  }
}
