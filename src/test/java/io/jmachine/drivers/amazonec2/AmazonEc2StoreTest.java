package io.jmachine.drivers.amazonec2;

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

/** An amazonec2 machine in a store written by docker-machine v0.16.2. */
class AmazonEc2StoreTest {
  @TempDir Path tmp;

  @Test
  void dockerMachineConfig_loadsAndSavesBackByteIdentical() throws Exception {
    Path root = StoreFixtures.copy("docker-machine-0.16.2-amazonec2", tmp);
    Path config = root.resolve("machines/aws1/config.json");
    String before = Files.readString(config);
    FileMachineStore store =
        new FileMachineStore(
            root,
            new DriverRegistry(
                List.of(
                    new AmazonEc2DriverFactory(
                        line -> {},
                        settings -> {
                          throw new AssertionError("loading and saving calls no API");
                        },
                        d -> {}))));

    Host host = store.load("aws1");
    store.save(host);

    assertThat(host.driverName()).isEqualTo("amazonec2");
    assertThat(host.driver().sshUsername()).isEqualTo("ubuntu");
    assertThat(host.driver().sshKeyPath())
        .isEqualTo("/home/me/.docker/machine/machines/aws1/id_rsa");
    assertThat(host.driver().toJson())
        .containsEntry("InstanceId", "i-0abcdef1234567890")
        .containsEntry("SecurityGroupIds", List.of("sg-0123456789abcdef0"))
        .containsEntry("OpenPorts", null)
        .containsEntry("RootSize", 16L);
    assertThat(Files.readString(config)).isEqualTo(before);
  }
}
