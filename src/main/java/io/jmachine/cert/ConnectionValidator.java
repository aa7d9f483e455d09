package io.jmachine.cert;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * docker-machine's certificate check before {@code env}, {@code config} and the end of {@code
 * create}: a TLS handshake with the daemon using the CA and client certificate, checking the
 * daemon's certificate against the host part of its address. No HTTP request is sent.
 */
public final class ConnectionValidator {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  // It matters here that TlsCredentials.PROTOCOLS has no TLS 1.3: in TLS 1.3 the server judges the
  // client certificate after the client's handshake is over, so a rejected client certificate
  // would pass unnoticed by a handshake-only check.

  private final Duration timeout;

  /**
   * @param timeout for connecting and handshaking together, as Go's tls.DialWithDialer
   */
  public ConnectionValidator(Duration timeout) {
    this.timeout = timeout;
  }

  public ConnectionValidator() {
    this(DEFAULT_TIMEOUT);
  }

  /**
   * @param hostPort as in the daemon's URL, e.g. {@code 1.2.3.4:2376} or {@code [::1]:2376}
   * @throws CertificateValidationException if any file is unreadable, the daemon is unreachable, or
   *     either side rejects the other's certificate
   */
  public void validate(String hostPort, Path caCert, Path clientCert, Path clientKey) {
    HostPort target;
    TlsCredentials credentials;
    try {
      target = HostPort.parse(hostPort);
      credentials = TlsCredentials.load(caCert, clientCert, clientKey);
    } catch (IllegalArgumentException | CertificateFileException e) {
      throw new CertificateValidationException(hostPort, e.getMessage(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket = new Socket()) {
      connect(socket, target, hostPort);
      socket.setSoTimeout(remainingMillis(deadline));
      handshake(socket, target, credentials, hostPort);
    } catch (IOException e) {
      throw new CertificateValidationException(hostPort, e.getMessage(), e);
    }
  }

  private void connect(Socket socket, HostPort target, String hostPort) {
    try {
      InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
      if (address.isUnresolved()) {
        throw new UnknownHostException(target.host());
      }
      socket.connect(address, Math.toIntExact(timeout.toMillis()));
    } catch (IOException e) {
      throw new CertificateValidationException(
          hostPort, HandshakeFailures.ofDial(e, target.host(), hostPort), e);
    }
  }

  private void handshake(
      Socket socket, HostPort target, TlsCredentials credentials, String hostPort) {
    ExplainingTrustManager trustManager =
        new ExplainingTrustManager(credentials.trustManager(), target.host());
    SSLSocket tls = null;
    try {
      tls =
          (SSLSocket)
              credentials
                  .sslContext(trustManager)
                  .getSocketFactory()
                  // not closing the plain socket with it: a missed alert may still be read from it
                  .createSocket(socket, target.host(), target.port(), false);
      // the host name is checked by the trust manager (ServerName), not by endpoint identification
      tls.setEnabledProtocols(TlsCredentials.PROTOCOLS.toArray(String[]::new));
      tls.startHandshake();
    } catch (IOException e) {
      throw new CertificateValidationException(
          hostPort, HandshakeFailures.ofHandshake(e, socket), e);
    } finally {
      closeQuietly(tls);
    }
  }

  // the handshake is all that was to be checked; how the goodbye goes does not matter
  private static void closeQuietly(SSLSocket tls) {
    if (tls == null) {
      return;
    }
    try {
      tls.close();
    } catch (IOException e) {
      // see above
    }
  }

  private static int remainingMillis(long deadline) {
    return (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
  }
}
