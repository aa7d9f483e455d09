package io.jmachine.provision;

import io.jmachine.ssh.SshClient;
import io.jmachine.ssh.SshResult;
import io.jmachine.ssh.SshTransportException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs provisioning commands over one SSH connection. Every command is safe to run again, so a
 * dropped connection is reopened and the command re-run; a package-manager lock is waited out; a
 * network error is retried a few times with backoff. A step that still fails is reported with its
 * name, the remote command and the tail of its output.
 */
public final class RemoteShell {
  static final int TRANSPORT_ATTEMPTS = 3;
  static final int LOCK_WAITS = 60;
  static final int NETWORK_ATTEMPTS = 3;
  static final int OUTPUT_TAIL_LINES = 20;
  private static final Duration LOCK_PAUSE_CAP = Duration.ofSeconds(3);

  private final SshClient ssh;
  private final Pause pause;
  private final Consumer<String> info;

  public RemoteShell(SshClient ssh, Pause pause, Consumer<String> info) {
    this.ssh = ssh;
    this.pause = pause;
    this.info = info;
  }

  public Pause pause() {
    return pause;
  }

  public Consumer<String> info() {
    return info;
  }

  /**
   * Runs {@code command} and returns what it did, failed or not. Only a broken connection is
   * retried here (by reconnecting); when it keeps breaking the step fails.
   */
  public SshResult run(String step, String command) {
    return run(step, command, command);
  }

  private SshResult run(String step, String command, String shown) {
    SshTransportException last = null;
    for (int attempt = 1; attempt <= TRANSPORT_ATTEMPTS; attempt++) {
      try {
        return ssh.run(command);
      } catch (SshTransportException e) {
        last = e;
        if (attempt < TRANSPORT_ATTEMPTS) {
          Duration wait = Duration.ofSeconds(1L << (attempt - 1));
          info.accept(
              "The SSH connection failed during \""
                  + step
                  + "\" ("
                  + e.getMessage()
                  + "); reconnecting in "
                  + wait.toSeconds()
                  + "s...");
          pause.sleep(wait);
        }
      }
    }
    throw new ProvisionException(
        "step \""
            + step
            + "\" failed: the SSH connection failed "
            + TRANSPORT_ATTEMPTS
            + " times\ncommand : "
            + shown
            + "\nerr     : "
            + last.getMessage(),
        last);
  }

  /** Runs a step that must succeed and returns its output. */
  public String check(String step, String command) {
    return check(step, command, command);
  }

  /**
   * As {@link #check(String, String)}, showing {@code shown} instead of the command in messages
   * (for commands that carry file contents).
   */
  public String check(String step, String command, String shown) {
    int lockWaits = 0;
    int networkAttempts = 1;
    boolean repaired = false;
    while (true) {
      SshResult result = run(step, command, shown);
      if (result.succeeded()) {
        return result.output();
      }
      Transient kind = Transient.classify(result.output());
      if (kind == Transient.LOCK && lockWaits < LOCK_WAITS) {
        if (lockWaits == 0) {
          info.accept(
              "Another process holds the package manager's lock; waiting for it to finish...");
        }
        lockWaits++;
        Duration wait = Duration.ofSeconds(Math.min(lockWaits, LOCK_PAUSE_CAP.toSeconds()));
        pause.sleep(wait);
        continue;
      }
      if (kind == Transient.DPKG_INTERRUPTED && !repaired) {
        repaired = true;
        info.accept("Completing an interrupted package installation (dpkg --configure -a)...");
        check("Completing an interrupted package installation", "sudo dpkg --configure -a");
        continue;
      }
      if (kind == Transient.NETWORK && networkAttempts < NETWORK_ATTEMPTS) {
        Duration wait = Duration.ofSeconds(2L << (networkAttempts - 1));
        info.accept(
            "\""
                + step
                + "\" failed with a network error; retrying in "
                + wait.toSeconds()
                + "s (attempt "
                + (networkAttempts + 1)
                + " of "
                + NETWORK_ATTEMPTS
                + ")...");
        networkAttempts++;
        pause.sleep(wait);
        continue;
      }
      String attempts = networkAttempts > 1 ? " after " + networkAttempts + " attempts" : "";
      throw failure(step, shown, result, attempts, "");
    }
  }

  /** The error for a step whose command failed; {@code extra} is appended (e.g. a log tail). */
  public static ProvisionException failure(
      String step, String shown, SshResult result, String attempts, String extra) {
    StringBuilder m = new StringBuilder();
    m.append("step \"").append(step).append("\" failed").append(attempts);
    m.append("\ncommand : ").append(shown);
    m.append("\nerr     : exit status ").append(result.exitStatus());
    m.append("\noutput  : ").append(tail(result.output()));
    if (!extra.isEmpty()) {
      m.append('\n').append(extra);
    }
    return new ProvisionException(m.toString());
  }

  /** The last lines of a command's output, saying how many were left out. */
  public static String tail(String output) {
    List<String> lines = output.stripTrailing().lines().toList();
    if (lines.isEmpty()) {
      return "(none)";
    }
    if (lines.size() <= OUTPUT_TAIL_LINES) {
      return lines.size() == 1 ? lines.get(0) : "\n" + String.join("\n", lines);
    }
    return "(last "
        + OUTPUT_TAIL_LINES
        + " of "
        + lines.size()
        + " lines)\n"
        + String.join("\n", lines.subList(lines.size() - OUTPUT_TAIL_LINES, lines.size()));
  }
}
