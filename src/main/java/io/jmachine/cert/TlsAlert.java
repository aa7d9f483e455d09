package io.jmachine.cert;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Locale;
import java.util.Optional;

/**
 * TLS alerts a daemon sends when it refuses a handshake, named as Go's crypto/tls names them
 * ({@code remote error: tls: bad certificate}); the constant names are the JDK's, lower-cased.
 */
enum TlsAlert {
  CLOSE_NOTIFY(0, "close notify"),
  UNEXPECTED_MESSAGE(10, "unexpected message"),
  BAD_RECORD_MAC(20, "bad record MAC"),
  RECORD_OVERFLOW(22, "record overflow"),
  HANDSHAKE_FAILURE(40, "handshake failure"),
  BAD_CERTIFICATE(42, "bad certificate"),
  UNSUPPORTED_CERTIFICATE(43, "unsupported certificate"),
  CERTIFICATE_REVOKED(44, "revoked certificate"),
  CERTIFICATE_EXPIRED(45, "expired certificate"),
  CERTIFICATE_UNKNOWN(46, "unknown certificate"),
  ILLEGAL_PARAMETER(47, "illegal parameter"),
  UNKNOWN_CA(48, "unknown certificate authority"),
  ACCESS_DENIED(49, "access denied"),
  DECODE_ERROR(50, "error decoding message"),
  DECRYPT_ERROR(51, "error decrypting message"),
  PROTOCOL_VERSION(70, "protocol version not supported"),
  INSUFFICIENT_SECURITY(71, "insufficient security level"),
  INTERNAL_ERROR(80, "internal error"),
  USER_CANCELED(90, "user canceled"),
  NO_RENEGOTIATION(100, "no renegotiation"),
  CERTIFICATE_REQUIRED(116, "certificate required");

  private static final int ALERT_RECORD = 0x15;
  private static final int RECORD_LENGTH = 7;

  private final int code;
  private final String goText;

  TlsAlert(int code, String goText) {
    this.code = code;
    this.goText = goText;
  }

  String remoteError() {
    return "remote error: tls: " + goText;
  }

  /** From the JDK's {@code Received fatal alert: bad_certificate}. */
  static Optional<TlsAlert> byJdkName(String name) {
    try {
      return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /**
   * An alert record still unread on a socket. A daemon that rejects the client certificate sends an
   * alert and hangs up while the JDK is still writing its handshake messages; the write then fails
   * with "Broken pipe" although the reason is sitting in the receive buffer.
   */
  static Optional<TlsAlert> pendingOn(Socket socket) {
    byte[] record = new byte[RECORD_LENGTH];
    try {
      InputStream in = socket.getInputStream();
      int read = 0;
      while (read < RECORD_LENGTH) {
        int n = in.read(record, read, RECORD_LENGTH - read);
        if (n < 0) {
          return Optional.empty();
        }
        read += n;
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    // type alert, any version, length 2, level, description: a plaintext alert before encryption
    if (record[0] != ALERT_RECORD || record[3] != 0 || record[4] != 2) {
      return Optional.empty();
    }
    int description = record[6] & 0xff;
    for (TlsAlert alert : values()) {
      if (alert.code == description) {
        return Optional.of(alert);
      }
    }
    return Optional.empty();
  }
}
