package io.jmachine.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code -o} options that make OpenSSH tools (ssh, scp, rsync's ssh, sshfs) check host keys
 * against the machines' own known_hosts files, or, with pinning off, docker-machine's "accept
 * anything, remember nothing".
 */
public final class HostKeyOptions {
  /**
   * On first contact, ask for a host key the native client can check too (it has no EdDSA), so
   * either client can use the pin the other recorded; '^' only moves these to the front.
   */
  static final String NATIVE_CHECKABLE_FIRST =
      "^ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256";

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
    if (pinned) {
      return List.of("-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + files);
    }
    return List.of(
        "-o",
        "StrictHostKeyChecking=accept-new",
        "-o",
        "UserKnownHostsFile=" + files,
        "-o",
        "HostKeyAlgorithms=" + NATIVE_CHECKABLE_FIRST);
  }
}
