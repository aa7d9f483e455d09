package io.jmachine.drivers.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFlag;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.json.GoJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericDriverTest {
  @TempDir Path store;
  private final List<String> info = new ArrayList<>();
  private final List<Duration> probes = new ArrayList<>();
  private boolean sshAnswers = true;

  private GenericDriverFactory factory() {
    return new GenericDriverFactory(
        info::add,
        target -> {
          throw new UnsupportedOperationException("no SSH in unit tests");
        },
        (host, port, timeout) -> {
          probes.add(timeout);
          return sshAnswers;
        });
  }

  private Driver configured(Map<String, Object> flags) {
    Map<String, Object> values = new HashMap<>();
    for (DriverFlag flag : factory().createFlags()) {
      values.put(flag.name(), flag.defaultValue());
    }
    values.putAll(flags);
    Driver driver = factory().newDriver("ubu", store.toString());
    driver.setConfigFromFlags(new DriverOptions(values));
    return driver;
  }

  @Test
  void createFlags_areDockerMachinesWithEnvVarsAndDefaults() {
    assertThat(factory().createFlags())
        .containsExactly(
            DriverFlag.integer(
                "generic-engine-port", "Docker engine port", "GENERIC_ENGINE_PORT", 2376),
            DriverFlag.string(
                "generic-ip-address", "IP Address of machine", "GENERIC_IP_ADDRESS", ""),
            DriverFlag.string("generic-ssh-user", "SSH user", "GENERIC_SSH_USER", "root"),
            DriverFlag.string(
                "generic-ssh-key",
                "SSH private key path (if not provided, default SSH key will be used)",
                "GENERIC_SSH_KEY",
                ""),
            DriverFlag.integer("generic-ssh-port", "SSH port", "GENERIC_SSH_PORT", 22));
  }

  @Test
  void setConfigFromFlags_withoutIp_fails() {
    assertThatThrownBy(() -> configured(Map.of()))
        .hasMessage("generic driver requires the --generic-ip-address option");
  }

  @Test
  void blob_hasBaseFieldsThenEnginePortAndSshKey_andSurvivesARoundTrip() throws Exception {
    Path key = Files.writeString(store.resolve("userkey"), "private");
    Driver driver =
        configured(
            Map.of(
                "generic-ip-address",
                "127.0.0.1",
                "generic-ssh-port",
                2222,
                "generic-ssh-key",
                key.toString()));
    Files.createDirectories(store.resolve("machines/ubu"));
    driver.create();

    Map<String, Object> blob = driver.toJson();
    assertThat(blob.keySet())
        .containsExactly(
            "IPAddress",
            "MachineName",
            "SSHUser",
            "SSHPort",
            "SSHKeyPath",
            "StorePath",
            "SwarmMaster",
            "SwarmHost",
            "SwarmDiscovery",
            "EnginePort",
            "SSHKey");
    assertThat(blob)
        .containsEntry("IPAddress", "127.0.0.1")
        .containsEntry("SSHUser", "root")
        .containsEntry("SSHPort", 2222)
        .containsEntry("SSHKeyPath", store.resolve("machines/ubu/userkey").toString())
        .containsEntry("StorePath", store.toString())
        .containsEntry("EnginePort", 2376)
        .containsEntry("SSHKey", key.toString());
    assertThat(GoJson.indented(factory().fromJson(blob).toJson())).isEqualTo(GoJson.indented(blob));
  }

  @Test
  void create_withKey_importsItAndItsPublicHalf_privately_announcingIt() throws Exception {
    Path key = Files.writeString(store.resolve("mykey"), "private");
    Files.writeString(store.resolve("mykey.pub"), "public");
    Driver driver =
        configured(Map.of("generic-ip-address", "10.1.1.1", "generic-ssh-key", key.toString()));
    Path machineDir = Files.createDirectories(store.resolve("machines/ubu"));

    driver.preCreateCheck();
    driver.create();

    assertThat(info).containsExactly("(ubu) Importing SSH key...");
    assertThat(driver.sshKeyPath()).isEqualTo(machineDir.resolve("mykey").toString());
    assertThat(machineDir.resolve("mykey")).hasContent("private");
    assertThat(machineDir.resolve("mykey.pub")).hasContent("public");
    for (String file : List.of("mykey", "mykey.pub")) {
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(machineDir.resolve(file))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void create_keyWithoutPublicHalf_logsGosReason_andKeepsThePrivateKey() throws Exception {
    Path key = Files.writeString(store.resolve("lonely"), "private");
    Driver driver =
        configured(Map.of("generic-ip-address", "10.1.1.1", "generic-ssh-key", key.toString()));
    Path machineDir = Files.createDirectories(store.resolve("machines/ubu"));

    driver.create();

    assertThat(info)
        .containsExactly(
            "(ubu) Importing SSH key...",
            "(ubu) Couldn't copy SSH public key : unable to copy ssh key: open "
                + key
                + ".pub: no such file or directory");
    assertThat(machineDir.resolve("lonely")).hasContent("private");
  }

  @Test
  void create_keyIsADirectory_failsWithGosReason() throws Exception {
    Path key = Files.createDirectories(store.resolve("keydir"));
    Driver driver =
        configured(Map.of("generic-ip-address", "10.1.1.1", "generic-ssh-key", key.toString()));
    Files.createDirectories(store.resolve("machines/ubu"));

    assertThatThrownBy(driver::create)
        .hasMessage("unable to copy ssh key: read " + key + ": is a directory");
  }

  @Test
  void setConfigFromFlags_withSwarmFlags_leavesTheBlobsSwarmFieldsEmptyAsDockerMachine() {
    Driver driver =
        configured(
            Map.of(
                "generic-ip-address",
                "127.0.0.1",
                "swarm-master",
                true,
                "swarm-host",
                "tcp://0.0.0.0:3376",
                "swarm-discovery",
                "token://abc"));

    assertThat(GoJson.indented(driver.toJson()))
        .isEqualTo(
            """
            {
                "IPAddress": "127.0.0.1",
                "MachineName": "ubu",
                "SSHUser": "root",
                "SSHPort": 22,
                "SSHKeyPath": "",
                "StorePath": "%s",
                "SwarmMaster": false,
                "SwarmHost": "",
                "SwarmDiscovery": "",
                "EnginePort": 2376,
                "SSHKey": ""
            }"""
                .formatted(store));
  }

  @Test
  void create_withoutKey_assumesTheDefaultKey_andKeepsTheKeyPathEmpty() {
    Driver driver = configured(Map.of("generic-ip-address", "10.1.1.1"));

    driver.create();

    assertThat(info)
        .containsExactly(
            "(ubu) No SSH key specified. Assuming an existing key at the default location.");
    assertThat(driver.sshKeyPath()).isEmpty();
  }

  @Test
  void preCreateCheck_missingKey_failsNamingIt() {
    Driver driver =
        configured(Map.of("generic-ip-address", "10.1.1.1", "generic-ssh-key", "/no/such/key"));

    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage("SSH key does not exist: \"/no/such/key\"");
  }

  @Test
  void state_isTheSshPortProbe_within15Seconds_andUrlNeedsRunning() {
    Driver driver = configured(Map.of("generic-ip-address", "fd00::1"));

    assertThat(driver.getState()).isEqualTo(MachineState.RUNNING);
    assertThat(driver.getUrl()).isEqualTo("tcp://[fd00::1]:2376");
    assertThat(probes).containsOnly(Duration.ofSeconds(15));
    sshAnswers = false;
    assertThat(driver.getState()).isEqualTo(MachineState.STOPPED);
    assertThatThrownBy(driver::getUrl).hasMessage("Host is not running");
  }

  @Test
  void power_isNotSupported_andRemoveLeavesTheMachineAlone() {
    Driver driver = configured(Map.of("generic-ip-address", "10.1.1.1"));

    assertThatThrownBy(driver::start).hasMessage("generic driver does not support start");
    assertThatThrownBy(driver::stop).hasMessage("generic driver does not support stop");
    assertThatThrownBy(driver::kill).hasMessage("generic driver does not support kill");
    driver.remove();
    assertThat(driver.sshHostname()).isEqualTo("10.1.1.1");
    assertThat(driver.sshUsername()).isEqualTo("root");
    assertThat(driver.sshPort()).isEqualTo(22);
  }
}
