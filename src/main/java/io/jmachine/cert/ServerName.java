package io.jmachine.cert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Does a daemon's certificate name the host we dialled? Go's crypto/x509 rules (VerifyHostname), as
 * docker-machine and the docker CLI apply them: an IP address must be one of the IP SANs, a name
 * must match a DNS SAN, where only a whole left-most label may be "*"; the subject's common name
 * does not count.
 *
 * <p>The JDK makes this check when a socket's endpoint identification algorithm is "HTTPS", but on
 * the way it loads every root CA the JDK ships (to see whether the chain ends at a public one): in
 * a fresh JVM that costs as much as the rest of the check, and our chains end at the machine's CA.
 */
public final class ServerName {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private ServerName() {}

  /**
   * @param host a DNS name or an IP literal (IPv6 without brackets)
   * @throws CertificateException with Go's x509.HostnameError wording, e.g. {@code x509:
   *     certificate is valid for 1.2.3.4, not 5.6.7.8}
   */
  public static void verify(String host, X509Certificate certificate) throws CertificateException {
    boolean ipHost = HostPort.isIpLiteral(host);
    List<String> names = subjectAlternativeNames(certificate, ipHost ? IP_ADDRESS : DNS_NAME);
    boolean matches =
        ipHost
            ? names.stream().anyMatch(name -> sameAddress(name, host))
            : names.stream().anyMatch(pattern -> matchesPattern(pattern, host));
    if (matches) {
      return;
    }
    if (ipHost && names.isEmpty()) {
      throw new CertificateException(
          "x509: cannot validate certificate for "
              + host
              + " because it doesn't contain any IP SANs");
    }
    if (names.isEmpty()) {
      throw new CertificateException(
          "x509: certificate is not valid for any names, but wanted to match " + host);
    }
    List<String> shown = ipHost ? names.stream().map(ServerName::goIpString).toList() : names;
    throw new CertificateException(
        "x509: certificate is valid for " + String.join(", ", shown) + ", not " + host);
  }

  /** An IP SAN as Go's net.IP.String() prints it: IPv6 in its shortest form (RFC 5952). */
  static String goIpString(String san) {
    if (san.indexOf(':') < 0) {
      return san;
    }
    String[] groups = san.split(":");
    if (groups.length != 8) {
      return san;
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && Integer.parseInt(groups[j], 16) == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
    }
    return out.toString();
  }

  // both are literals, so no name is ever looked up; ::ffff:1.2.3.4 equals 1.2.3.4, as in Go
  private static boolean sameAddress(String san, String host) {
    try {
      return InetAddress.getByName(san).equals(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean matchesPattern(String pattern, String host) {
    String[] patternLabels = withoutTrailingDot(pattern).split("\\.", -1);
    String[] hostLabels = withoutTrailingDot(host).split("\\.", -1);
    if (patternLabels.length != hostLabels.length) {
      return false;
    }
    for (int i = 0; i < patternLabels.length; i++) {
      boolean wildcard = i == 0 && patternLabels[i].equals("*");
      if (!wildcard && !Objects.equals(patternLabels[i], hostLabels[i])) {
        return false;
      }
    }
    return true;
  }

  private static String withoutTrailingDot(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static List<String> subjectAlternativeNames(X509Certificate certificate, int type) {
    try {
      return certificate.getSubjectAlternativeNames() == null
          ? List.of()
          : certificate.getSubjectAlternativeNames().stream()
              .filter(name -> name.get(0) instanceof Integer tag && tag == type)
              .map(name -> String.valueOf(name.get(1)))
              .collect(Collectors.toList());
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }
}
