package io.jmachine.drivers.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.driver.DriverRegistry;
import io.jmachine.host.Host;
import io.jmachine.store.FileMachineStore;
import io.jmachine.store.StoreFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digitalocean machine in a store written by docker-machine v0.16.2. */
class DigitalOceanStoreTest {
  @TempDir Path tmp;

  @Test
  void dockerMachineConfig_loadsAndSavesBackByteIdentical() throws Exception {
    Path root = StoreFixtures.copy("docker-machine-0.16.2-digitalocean", tmp);
    Path config = root.resolve("machines/do1/config.json");
    String before = Files.readString(config);
    FileMachineStore store =
        new FileMachineStore(
            root,
            new DriverRegistry(
                List.of(
                    new DigitalOceanDriverFactory(
                        line -> {},
                        token -> {
                          throw new AssertionError("loading and saving calls no API");
                        },
                        d -> {}))));

    Host host = store.load("do1");
    store.save(host);

    assertThat(host.driverName()).isEqualTo("digitalocean");
    assertThat(host.driver().getIp()).isEqualTo("198.51.100.77");
    assertThat(host.driver().sshKeyPath())
        .isEqualTo("/home/me/.docker/machine/machines/do1/id_rsa");
    assertThat(Files.readString(config)).isEqualTo(before);
  }
}
