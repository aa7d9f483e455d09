package io.jmachine.driver;

import java.util.Map;

/**
 * A kind of machine: how it is created, reached and powered. Mirrors libmachine's driver interface;
 * methods throw {@link io.jmachine.error.MachineException} with the driver's own wording when an
 * operation fails or is not supported.
 */
public interface Driver {
  String driverName();

  String machineName();

  /**
   * Brings up whatever serves this driver (a plugin driver's plugin), which otherwise starts with
   * the first operation; toJson then shows the driver's own view of its config, as inspect does.
   */
  default void connect() {}

  /** The driver's part of config.json ("Driver"), in docker-machine's field order. */
  Map<String, Object> toJson();

  void setConfigFromFlags(DriverOptions options);

  String getUrl();

  String getIp();

  MachineState getState();

  String sshHostname();

  int sshPort();

  String sshUsername();

  String sshKeyPath();

  void preCreateCheck();

  void create();

  void remove();

  void start();

  void stop();

  void restart();

  void kill();

  /**
   * False for a machine that only registers an existing engine by URL: there is no SSH access and
   * nothing to provision.
   */
  default boolean reachableOverSsh() {
    return true;
  }

  /**
   * How Docker gets onto this driver's machines when create names no --engine-install-strategy, in
   * that option's syntax; "" leaves it to the provisioner (docker-machine's install script). A
   * driver whose machines cannot reach the internet picks one that works offline.
   */
  default String defaultInstallStrategy() {
    return "";
  }
}
