package io.jmachine.drivers.nspawn;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverFlag;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The nspawn driver: local systemd Debian machines under systemd-nspawn (Linux, root). */
public final class NspawnDriverFactory implements DriverFactory {
  private final NspawnHost host;

  /**
   * @param info where progress lines go (image build, slow poweroff)
   * @param path the PATH the host's programs are looked up on (the sbin directories are added)
   */
  public NspawnDriverFactory(Consumer<String> info, String path) {
    this(NspawnHost.real(info, path));
  }

  NspawnDriverFactory(NspawnHost host) {
    this.host = host;
  }

  @Override
  public String name() {
    return NspawnDriver.NAME;
  }

  @Override
  public List<DriverFlag> createFlags() {
    String suite = host.defaults().suite();
    return List.of(
        DriverFlag.strings(
            "nspawn-bind",
            "Extra bind mount into the machine, SRC:DST (host path:machine path)",
            "NSPAWN_BIND",
            List.of()),
        DriverFlag.integer(
            "nspawn-cpu-count",
            "CPUs the machine may use, as a CFS quota (0: no limit)",
            "NSPAWN_CPU_COUNT",
            0),
        DriverFlag.integer(
            "nspawn-memory", "Memory limit of the machine in MB (0: no limit)", "NSPAWN_MEMORY", 0),
        DriverFlag.string(
            "nspawn-mirror",
            "Debian mirror the base image is built from (once, then cached)",
            "NSPAWN_MIRROR",
            host.defaults().mirror(suite)),
        DriverFlag.string(
            "nspawn-subnet",
            "Subnet the machine's address comes from; its first address goes to the "
                + HostNetwork.BRIDGE
                + " bridge",
            "NSPAWN_SUBNET",
            NspawnDriver.DEFAULT_SUBNET),
        DriverFlag.string(
            "nspawn-suite", "Debian release of the base image", "NSPAWN_SUITE", suite));
  }

  @Override
  public Driver newDriver(String machineName, String storePath) {
    return new NspawnDriver(machineName, storePath, host);
  }

  @Override
  public Driver fromJson(Map<String, Object> blob) {
    return new NspawnDriver(blob, host);
  }
}
