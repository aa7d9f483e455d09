package io.jmachine.cert;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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

  static String ofDial(IOException e, String host, String hostPort) {
    if (e instanceof UnknownHostException) {
      return "dial tcp: lookup " + host + ": no such host";
    }
    if (e instanceof SocketTimeoutException) {
      return "dial tcp " + hostPort + ": i/o timeout";
    }
    return "dial tcp " + hostPort + ": connect: " + goStyle(e.getMessage());
  }

  /**
   * @param socket the connection under the TLS socket, still open, for reading an alert the JDK
   *     missed
   */
  static String ofHandshake(IOException e, Socket socket) {
    return Causes.of(e)
        .filter(ExplainingTrustManager.Rejection.class::isInstance)
        .map(Throwable::getMessage)
        .findFirst()
        .orElseGet(() -> transportFailure(e, socket));
  }

  private static String transportFailure(IOException e, Socket socket) {
    if (e instanceof SocketTimeoutException) {
      return "i/o timeout during the TLS handshake";
    }
    String message = String.valueOf(e.getMessage());
    Matcher alert = ALERT.matcher(message);
    if (alert.find()) {
      return TlsAlert.byJdkName(alert.group(1))
          .map(TlsAlert::remoteError)
          .orElse("remote error: tls: " + alert.group(1).replace('_', ' '));
    }
    if (e instanceof SocketException) {
      return TlsAlert.pendingOn(socket)
          .map(TlsAlert::remoteError)
          .orElse(goStyle(message) + " during the TLS handshake");
    }
    if (Causes.of(e).anyMatch(EOFException.class::isInstance)
        || message.contains("terminated the handshake")) {
      return "EOF (the server closed the connection during the TLS handshake)";
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
