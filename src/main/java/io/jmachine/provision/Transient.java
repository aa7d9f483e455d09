package io.jmachine.provision;

import java.util.regex.Pattern;

/**
 * Failures of a remote command that say "try again", recognised by what the command printed:
 * package-manager locks (a boot-time update still running), an interrupted dpkg run, and network
 * trouble reaching a mirror or the install script. Anything else is a real failure.
 */
public enum Transient {
  LOCK(
      "Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock the administration"
          + " directory|Unable to lock directory|is another process using it\\?|Another app is"
          + " currently holding the yum lock|Waiting for process with pid|System management is"
          + " locked|unable to lock database|Could not open lock file"),
  DPKG_INTERRUPTED("dpkg was interrupted, you must manually run"),
  NETWORK(
      "Temporary failure resolving|Could not resolve|Failed to fetch|Connection timed out|Connection"
          + " reset|Network is unreachable|Operation timed out|Hash Sum mismatch|TLS handshake"
          + " timeout|curl: \\((6|7|18|28|35|52|56)\\)|Failed to download metadata|Cannot find a"
          + " valid baseurl|Curl error|failed retrieving file");

  private final Pattern pattern;

  Transient(String regex) {
    this.pattern = Pattern.compile(regex);
  }

  /** The kind of transient failure {@code output} shows, or null for a real failure. */
  public static Transient classify(String output) {
    for (Transient t : values()) {
      if (t.pattern.matcher(output).find()) {
        return t;
      }
    }
    return null;
  }
}
