package io.jmachine.cert;

/** The {@code host:port} of a Docker URL; IPv6 hosts come bracketed, {@code [::1]:2376}. */
record HostPort(String host, int port) {
  /**
   * @throws IllegalArgumentException with Go's wording, e.g. {@code address x: missing port in
   *     address}
   */
  static HostPort parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0 || hostPort.endsWith("]")) {
      throw new IllegalArgumentException("address " + hostPort + ": missing port in address");
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("address " + hostPort + ": too many colons in address");
    }
    try {
      return new HostPort(host, Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("address " + hostPort + ": invalid port", e);
    }
  }

  /** A syntax check, as the JDK's host name verification makes it: never a DNS lookup. */
  static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    int dots = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }
}
