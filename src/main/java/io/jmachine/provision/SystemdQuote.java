package io.jmachine.provision;

import java.util.regex.Pattern;

/**
 * Quoting for systemd unit files (systemd.service(5), "Command lines"; systemd.exec(5),
 * Environment=). A value is written so that systemd hands it to the daemon unchanged: specifiers
 * ({@code %}) are doubled everywhere, {@code $} is doubled in command lines (where it would expand
 * a variable), and words with spaces, quotes or backslashes are double-quoted with C escapes.
 * Control characters are never written (see {@link EngineConfig#validate}).
 */
public final class SystemdQuote {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@+=:,./-]+");

  private SystemdQuote() {}

  /** One word of ExecStart=. */
  public static String arg(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "\"" + escapeQuoted(word).replace("$", "$$") + "\"";
  }

  /** One assignment of Environment=, always quoted (as docker-machine's payload was). */
  public static String environment(String assignment) {
    return "\"" + escapeQuoted(assignment) + "\"";
  }

  private static String escapeQuoted(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%");
  }
}
