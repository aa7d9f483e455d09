package io.jmachine.ssh;

import io.jmachine.driver.Driver;
import java.nio.file.Path;

/**
 * Where and as whom to log in. {@code keyPath} may be null (agent and default keys); {@code
 * knownHosts} is the machine's own pinned host-key file.
 */
public record SshTarget(String host, int port, String user, Path keyPath, Path knownHosts) {

  /** The machine's SSH coordinates as its driver reports them; its folder holds known_hosts. */
  public static SshTarget of(Driver driver, Path machineDir) {
    String key = driver.sshKeyPath();
    return new SshTarget(
        driver.sshHostname(),
        driver.sshPort(),
        driver.sshUsername(),
        key.isEmpty() ? null : Path.of(key),
        machineDir.resolve("known_hosts"));
  }

  public SshTarget withUser(String otherUser) {
    return new SshTarget(host, port, otherUser, keyPath, knownHosts);
  }

  /** host:port, as messages show it. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
