package io.jmachine.ssh;

import java.time.Duration;
import java.util.List;

/**
 * One-line messages for the ways an SSH connection fails, each naming the fix where there is one.
 * Shared by both clients so the user reads the same words whichever one ran.
 */
public final class TransportFailures {
  /** The global option and environment variable that turn host-key pinning off. */
  public static final String NO_PINNING_FLAG = "--no-host-key-pinning";

  public static final String NO_PINNING_ENV = "MACHINE_NO_HOST_KEY_PINNING";

  private TransportFailures() {}

  public static SshTransportException hostKeyChanged(SshTarget target) {
    return new SshTransportException(
        "The SSH host key of "
            + target.address()
            + " differs from the one pinned in "
            + target.knownHosts()
            + ": if the machine was re-imaged on purpose, delete that file or run with "
            + NO_PINNING_FLAG
            + " ("
            + NO_PINNING_ENV
            + "=true); otherwise someone may be intercepting the connection");
  }

  public static SshTransportException unreachable(SshTarget target, Duration timeout) {
    return new SshTransportException(
        "Cannot reach "
            + target.address()
            + " over SSH: no answer within "
            + timeout.toSeconds()
            + " s; check that the machine is up and its address is right");
  }

  public static SshTransportException refused(SshTarget target) {
    return new SshTransportException(
        "SSH connection to "
            + target.address()
            + " refused: the machine is up but no sshd listens on that port");
  }

  public static SshTransportException authFailed(SshTarget target) {
    return new SshTransportException(
        "SSH authentication as \""
            + target.user()
            + "\" on "
            + target.address()
            + " failed with "
            + (target.keyPath() == null
                ? "the ssh-agent's and default keys"
                : "the key " + target.keyPath())
            + ": check the machine's SSH user and key");
  }

  public static SshTransportException dropped(SshTarget target) {
    return new SshTransportException(
        "The SSH connection to " + target.address() + " was lost before the command finished");
  }

  /**
   * Explains an OpenSSH failure (exit status 255) from what ssh printed; falls back to a dropped
   * connection with ssh's own last line.
   */
  static SshTransportException fromOpenSsh(SshTarget target, Duration timeout, String output) {
    String text = output.toLowerCase(java.util.Locale.ROOT);
    if (text.contains("remote host identification has changed")
        || text.contains("host key verification failed")) {
      return hostKeyChanged(target);
    }
    if (text.contains("connection refused")) {
      return refused(target);
    }
    if (text.contains("connection timed out")
        || text.contains("no route to host")
        || text.contains("network is unreachable")) {
      return unreachable(target, timeout);
    }
    if (text.contains("permission denied")) {
      return authFailed(target);
    }
    List<String> lines = output.strip().lines().toList();
    String last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
    return new SshTransportException(
        "The SSH connection to "
            + target.address()
            + " failed or was lost (ssh exited with status 255)"
            + last);
  }
}
