package io.jmachine.cert;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short causes for failed connections, worded like Go's net and crypto/tls errors that
 * docker-machine printed (and that its users find answers for), e.g. {@code dial tcp 1.2.3.4:2376:
 * connect: connection refused}.
 */
final class HandshakeFailures {
  private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

  private HandshakeFailures() {}

  static String ofDial(IOException e, HostPort target, String hostPort) {
    if (e instanceof UnknownHostException) {
      return "dial tcp: lookup " + target.host() + ": no such host";
    }
    if (e instanceof SocketTimeoutException) {
      return "dial tcp " + hostPort + ": i/o timeout";
    }
    return "dial tcp " + hostPort + ": connect: " + goStyle(e.getMessage());
  }

  static String ofHandshake(IOException e, Duration timeout) {
    return Causes.of(e)
        .filter(ExplainingTrustManager.Rejection.class::isInstance)
        .map(Throwable::getMessage)
        .findFirst()
        .orElseGet(() -> transportFailure(e, timeout));
  }

  private static String transportFailure(IOException e, Duration timeout) {
    if (e instanceof SocketTimeoutException) {
      return "tls: no handshake within " + timeout.toSeconds() + "s (i/o timeout)";
    }
    if (Causes.of(e).anyMatch(EOFException.class::isInstance)
        || String.valueOf(e.getMessage()).contains("terminated the handshake")) {
      return "EOF (the server closed the connection during the TLS handshake)";
    }
    String message = String.valueOf(e.getMessage());
    Matcher alert = ALERT.matcher(message);
    if (alert.find()) {
      return "remote error: tls: " + alert.group(1).replace('_', ' ');
    }
    if (message.contains("Unsupported or unrecognized SSL message")) {
      return "tls: first record does not look like a TLS handshake";
    }
    return message;
  }

  /** Older JDKs' "Connection refused (Connection refused)" becomes "connection refused". */
  private static String goStyle(String javaMessage) {
    String message = String.valueOf(javaMessage);
    int detail = message.indexOf(" (");
    if (detail > 0) {
      message = message.substring(0, detail);
    }
    return message.isEmpty()
        ? message
        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }
}
