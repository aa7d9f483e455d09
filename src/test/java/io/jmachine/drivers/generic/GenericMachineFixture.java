package io.jmachine.drivers.generic;

import io.jmachine.driver.DriverRegistry;
import io.jmachine.host.Host;
import io.jmachine.host.HostOptions;
import io.jmachine.store.FileMachineStore;
import io.jmachine.testhost.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers a test host as a generic machine in a test's own store, as `create -d generic` would
 * leave it before provisioning: the key copied into the machine folder (0600).
 */
public final class GenericMachineFixture {
  private GenericMachineFixture() {}

  public static Host save(Path store, String name, TestHost host, String user, Path key)
      throws Exception {
    return save(store, name, host.ip(), host.sshPort(), user, key);
  }

  public static Host save(Path store, String name, String ip, int port, String user, Path key)
      throws Exception {
    FileMachineStore machines = new FileMachineStore(store, registry());
    Path dir = machines.machineDir(name);
    Files.createDirectories(dir);
    Path copy = dir.resolve(key.getFileName());
    Files.copy(key, copy);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    Map<String, Object> blob = new LinkedHashMap<>();
    blob.put("IPAddress", ip);
    blob.put("MachineName", name);
    blob.put("SSHUser", user);
    blob.put("SSHPort", port);
    blob.put("SSHKeyPath", copy.toString());
    blob.put("StorePath", store.toString());
    blob.put("EnginePort", 2376);
    blob.put("SSHKey", key.toString());
    Host saved = new Host(name, registry().load("generic", name, blob), "generic", emptyOptions());
    machines.save(saved);
    return saved;
  }

  private static DriverRegistry registry() {
    return new DriverRegistry(
        List.of(
            new GenericDriverFactory(
                line -> {},
                target -> {
                  throw new UnsupportedOperationException("fixtures do not log in");
                },
                PortProbe.TCP)));
  }

  private static HostOptions emptyOptions() {
    return HostOptions.fromJson(Map.of());
  }
}
