package io.jmachine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.CertificateBootstrap;
import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.CertificatePaths;
import io.jmachine.error.MachineException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against a stand-in engine on 127.0.0.1 that demands the client certificate. */
class HttpsVersionProbeTest {
  private static CertificatePaths client;
  private static AuthOptions auth;
  private static Path dir;

  private final HttpsVersionProbe probe = new HttpsVersionProbe(Duration.ofSeconds(5));

  @BeforeAll
  static void certificates(@TempDir Path temp) {
    dir = temp;
    client = CertificatePaths.inDirectory(dir.resolve("certs"));
    new CertificateBootstrap(new CertificateOwner("tester"), Clock.systemUTC(), line -> {})
        .bootstrap(client);
    auth =
        AuthOptions.fromJson(
            Map.of(
                "CaCertPath", client.caCert().toString(),
                "ClientCertPath", client.clientCert().toString(),
                "ClientKeyPath", client.clientKey().toString()));
  }

  /** An engine whose certificate names {@code ip} and that answers with {@code answer}. */
  private static StandInEngine engine(String ip, String answer) throws IOException {
    return StandInEngine.start(client.caCert().getParent(), dir, ip, answer);
  }

  private static String endpoint(StandInEngine engine) {
    return engine.url().replace("tcp://", "https://") + "/version";
  }

  @Test
  void answersWithTheEnginesVersion() throws IOException {
    try (StandInEngine engine =
        engine(
            "127.0.0.1",
            "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
                + "{\"Version\":\"27.3.1\",\"ApiVersion\":\"1.47\"}\n")) {
      assertThat(probe.version(engine.url(), auth)).isEqualTo("27.3.1");
    }
  }

  @Test
  void anErrorStatusIsReportedWithTheEndpoint() throws IOException {
    try (StandInEngine engine = engine("127.0.0.1", "HTTP/1.0 404 Not Found\r\n\r\n")) {
      assertThatThrownBy(() -> probe.version(engine.url(), auth))
          .isInstanceOf(MachineException.class)
          .hasMessage("Get \"" + endpoint(engine) + "\": 404 Not Found");
    }
  }

  @Test
  void aCertificateForAnotherAddressIsRefusedAsGoRefusesIt() throws IOException {
    try (StandInEngine engine = engine("198.51.100.7", StandInEngine.ok("{}"))) {
      assertThatThrownBy(() -> probe.version(engine.url(), auth))
          .hasMessage(
              "Get \""
                  + endpoint(engine)
                  + "\": x509: certificate is valid for 198.51.100.7, not 127.0.0.1");
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
