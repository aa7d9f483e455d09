package io.jmachine.ssh;

/**
 * Double quotes as docker-machine writes them around paths in {@code -o Key="value"} (Go's %q),
 * which OpenSSH's option parser removes again, so paths with spaces stay one value.
 */
final class OpenSshQuote {
  private OpenSshQuote() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
