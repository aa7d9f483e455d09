package io.jmachine.testhost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A fresh Debian 12 machine booted with systemd for one test class: real sshd on port 22, root and
 * a passwordless-sudo user, both accepting the harness keys. Host keys differ on every boot, so
 * never pin them. The host reaches only the test network 198.51.100.0/25, not the internet; {@code
 * apt-get install docker.io} works offline from pre-downloaded packages.
 */
public final class TestHost {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  private final HostScripts scripts;
  private final String name;
  private final String ip;

  TestHost(HostScripts scripts, String name, String ip) {
    this.scripts = scripts;
    this.name = name;
    this.ip = ip;
  }

  /** Host name, also its machine name and network namespace; unique among running hosts. */
  public String name() {
    return name;
  }

  public String ip() {
    return ip;
  }

  public int sshPort() {
    return 22;
  }

  public String rootUser() {
    return "root";
  }

  /** A user with passwordless sudo, as docker-machine's generic driver expects. */
  public String sudoUser() {
    return "tester";
  }

  /** The ed25519 key both users accept. */
  public Path privateKey() {
    return scripts.cacheDir().resolve("id_ed25519");
  }

  /** An RSA key both users accept too, for tools that expect an {@code id_rsa}. */
  public Path rsaPrivateKey() {
    return scripts.cacheDir().resolve("id_rsa");
  }

  /**
   * Runs a command inside the host without SSH, as root in all of its namespaces, for assertions
   * that must not depend on the SSH code under test.
   */
  public CommandResult exec(String... command) {
    return scripts.exec(name, List.of(command), COMMAND_TIMEOUT);
  }

  /**
   * {@link #exec(String...)} with its own deadline; throws {@link IllegalStateException} when the
   * command has not finished by then (it is killed).
   */
  public CommandResult exec(Duration timeout, String... command) {
    return scripts.exec(name, List.of(command), timeout);
  }

  /**
   * Runs {@code remoteCommand} through the real OpenSSH client, logged in with {@link #privateKey}.
   */
  public CommandResult ssh(String user, String remoteCommand) {
    return scripts.runner().run(sshCommand(user, privateKey(), remoteCommand), COMMAND_TIMEOUT);
  }

  /**
   * The OpenSSH command line to run {@code remoteCommand} on this host; ignores ~/.ssh entirely.
   */
  public List<String> sshCommand(String user, Path key, String remoteCommand) {
    return List.of(
        "ssh",
        "-F",
        "/dev/null",
        "-i",
        key.toString(),
        "-p",
        Integer.toString(sshPort()),
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "BatchMode=yes",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "ConnectTimeout=5",
        user + "@" + ip,
        remoteCommand);
  }

  /** Powers the host off cleanly; it keeps its address and disk, like a stopped machine. */
  public void stop() {
    scripts.stop(name);
  }

  /** Kills the host at once, like pulling the plug; it keeps its address and disk. */
  public void kill() {
    scripts.kill(name);
  }

  /**
   * True while booted, also while rebooting; false after {@link #stop}, {@link #kill} or poweroff.
   */
  public boolean isRunning() {
    return scripts.status(name).equals("running");
  }

  @Override
  public String toString() {
    return name + "@" + ip;
  }
}
