package io.jmachine.drivers.generic;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverFlag;
import io.jmachine.ssh.SshConnector;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** An existing machine reached over SSH at a given address (spec §7.4). */
public final class GenericDriverFactory implements DriverFactory {
  private final Consumer<String> info;
  private final SshConnector ssh;
  private final PortProbe probe;

  /** {@code info} receives progress lines, each already prefixed with "(NAME) ". */
  public GenericDriverFactory(Consumer<String> info, SshConnector ssh, PortProbe probe) {
    this.info = info;
    this.ssh = ssh;
    this.probe = probe;
  }

  @Override
  public String name() {
    return GenericDriver.NAME;
  }

  @Override
  public List<DriverFlag> createFlags() {
    return List.of(
        DriverFlag.integer(
            "generic-engine-port",
            "Docker engine port",
            "GENERIC_ENGINE_PORT",
            GenericDriver.DEFAULT_ENGINE_PORT),
        DriverFlag.string("generic-ip-address", "IP Address of machine", "GENERIC_IP_ADDRESS", ""),
        DriverFlag.string("generic-ssh-user", "SSH user", "GENERIC_SSH_USER", "root"),
        DriverFlag.string(
            "generic-ssh-key",
            "SSH private key path (if not provided, default SSH key will be used)",
            "GENERIC_SSH_KEY",
            ""),
        DriverFlag.integer("generic-ssh-port", "SSH port", "GENERIC_SSH_PORT", 22));
  }

  @Override
  public Driver newDriver(String machineName, String storePath) {
    return new GenericDriver(machineName, storePath, services(machineName));
  }

  @Override
  public Driver fromJson(Map<String, Object> blob) {
    Object name = blob.get("MachineName");
    return new GenericDriver(blob, services(name == null ? "" : name.toString()));
  }

  private GenericDriver.Services services(String machineName) {
    return new GenericDriver.Services(
        line -> info.accept("(" + machineName + ") " + line), ssh, probe);
  }
}
