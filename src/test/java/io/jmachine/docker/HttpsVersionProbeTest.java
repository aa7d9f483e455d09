package io.jmachine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.CertificateBootstrap;
import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.CertificatePaths;
import io.jmachine.cert.ServerCertificateIssuer;
import io.jmachine.cert.ServerCertificateRequest;
import io.jmachine.cert.TlsCredentials;
import io.jmachine.error.MachineException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against a TLS listener on 127.0.0.1 that demands the client certificate. */
class HttpsVersionProbeTest {
  private static final CertificateOwner OWNER = new CertificateOwner("tester");
  private static CertificatePaths client;
  private static AuthOptions auth;
  private static Path dir;

  private final HttpsVersionProbe probe = new HttpsVersionProbe(Duration.ofSeconds(5));

  @BeforeAll
  static void certificates(@TempDir Path temp) {
    dir = temp;
    client = CertificatePaths.inDirectory(dir.resolve("certs"));
    new CertificateBootstrap(OWNER, Clock.systemUTC(), line -> {}).bootstrap(client);
    auth =
        AuthOptions.fromJson(
            java.util.Map.of(
                "CaCertPath", client.caCert().toString(),
                "ClientCertPath", client.clientCert().toString(),
                "ClientKeyPath", client.clientKey().toString()));
  }

  /**
   * An engine whose certificate names {@code ip} and that answers every request with {@code
   * answer}.
   */
  private static ServerSocket engine(String ip, String answer) throws IOException {
    ServerCertificateRequest request =
        new ServerCertificateRequest(
            "engine",
            ip,
            List.of(),
            false,
            client.caCert(),
            client.caKey(),
            dir.resolve(ip + "-server.pem"),
            dir.resolve(ip + "-server-key.pem"));
    new ServerCertificateIssuer(OWNER, Clock.systemUTC()).issue(request);
    SSLServerSocket server =
        (SSLServerSocket)
            TlsCredentials.load(client.caCert(), request.serverCert(), request.serverKey())
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(true);
    Thread serving =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                  socket.getInputStream().read(new byte[4096]);
                  OutputStream out = socket.getOutputStream();
                  out.write(answer.getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // a client that gives up during the handshake is part of some tests
                }
              }
            });
    serving.setDaemon(true);
    serving.start();
    return server;
  }

  private static String url(ServerSocket server) {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  @Test
  void answersWithTheEnginesVersion() throws IOException {
    try (ServerSocket server =
        engine(
            "127.0.0.1",
            "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
                + "{\"Version\":\"27.3.1\",\"ApiVersion\":\"1.47\"}\n")) {
      assertThat(probe.version(url(server), auth)).isEqualTo("27.3.1");
    }
  }

  @Test
  void anErrorStatusIsReportedWithTheEndpoint() throws IOException {
    try (ServerSocket server = engine("127.0.0.1", "HTTP/1.0 404 Not Found\r\n\r\n")) {
      assertThatThrownBy(() -> probe.version(url(server), auth))
          .isInstanceOf(MachineException.class)
          .hasMessage(
              "Get \"https://127.0.0.1:" + server.getLocalPort() + "/version\": 404 Not Found");
    }
  }

  @Test
  void aCertificateForAnotherAddressIsRefusedAsGoRefusesIt() throws IOException {
    try (ServerSocket server = engine("198.51.100.7", "HTTP/1.0 200 OK\r\n\r\n{}")) {
      assertThatThrownBy(() -> probe.version(url(server), auth))
          .hasMessage(
              "Get \"https://127.0.0.1:"
                  + server.getLocalPort()
                  + "/version\": x509: certificate is valid for 198.51.100.7, not 127.0.0.1");
    }
  }

  @Test
  void anEngineThatIsDownCostsOneRefusedConnection() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    assertThatThrownBy(() -> probe.version("tcp://127.0.0.1:" + port, auth))
        .hasMessage("Cannot connect to the docker engine endpoint");
  }
}
