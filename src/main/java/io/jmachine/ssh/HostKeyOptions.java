package io.jmachine.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code -o} options that make OpenSSH tools (ssh, scp, rsync's ssh, sshfs) check host keys
 * against the machines' own known_hosts files, or, with pinning off, docker-machine's "accept
 * anything, remember nothing".
 */
public final class HostKeyOptions {
  private HostKeyOptions() {}

  /** For tools run after jmachine's own client has reached every target (so keys are pinned). */
  public static List<String> forTools(boolean pinHostKeys, List<SshTarget> targets) {
    return of(pinHostKeys, true, targets);
  }

  /**
   * {@code pinned} says every target already has its key recorded: then a missing or different key
   * is refused outright; otherwise a first key is recorded (accept-new) and a different one
   * refused.
   */
  static List<String> of(boolean pinHostKeys, boolean pinned, List<SshTarget> targets) {
    if (!pinHostKeys) {
      return List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null");
    }
    // ssh splits the value at spaces unless quoted; several files are checked in turn
    String files =
        targets.stream()
            .map(t -> OpenSshQuote.quote(t.knownHosts().toString()))
            .distinct()
            .collect(Collectors.joining(" "));
    return List.of(
        "-o",
        "StrictHostKeyChecking=" + (pinned ? "yes" : "accept-new"),
        "-o",
        "UserKnownHostsFile=" + files);
  }
}
