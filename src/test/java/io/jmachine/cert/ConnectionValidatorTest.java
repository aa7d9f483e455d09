package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionValidatorTest {
  private static final CertificateOwner ALICE = new CertificateOwner("alice");

  @TempDir Path store;

  private CertificatePaths client;
  private Path machine;

  private final ConnectionValidator validator = new ConnectionValidator();

  @BeforeEach
  void bootstrap() throws IOException {
    client = CertificatePaths.inDirectory(store.resolve("certs"));
    new CertificateBootstrap(ALICE, Clock.systemUTC(), line -> {}).bootstrap(client);
    machine = Files.createDirectories(store.resolve("machines/ubu"));
  }

  private TlsCredentials daemonCertificateFor(String ip) {
    ServerCertificateRequest request =
        new ServerCertificateRequest(
            "ubu",
            ip,
            List.of(),
            false,
            client.caCert(),
            client.caKey(),
            machine.resolve("server.pem"),
            machine.resolve("server-key.pem"));
    new ServerCertificateIssuer(ALICE, Clock.systemUTC()).issue(request);
    return TlsCredentials.load(client.caCert(), request.serverCert(), request.serverKey());
  }

  private TlsTestServer daemonFor(String ip) throws IOException {
    return TlsTestServer.requiringClientCertificates(daemonCertificateFor(ip));
  }

  private void validate(String hostPort, CertificatePaths paths) {
    validator.validate(hostPort, paths.caCert(), paths.clientCert(), paths.clientKey());
  }

  private static String dockerMachineError(String hostPort, String cause) {
    return "There was an error validating certificates for host \""
        + hostPort
        + "\": "
        + cause
        + "\nYou can attempt to regenerate them using 'docker-machine regenerate-certs [name]'.\n"
        + "Be advised that this will trigger a Docker daemon restart which might stop running"
        + " containers.\n";
  }

  @Test
  void validate_goodCertificates_succeeds() throws IOException {
    try (TlsTestServer daemon = daemonFor("127.0.0.1")) {
      assertThatCode(() -> validate(daemon.hostPort(), client)).doesNotThrowAnyException();
    }
  }

  @Test
  void validate_pkcs8ClientKey_succeeds() throws IOException {
    Path pkcs8 = store.resolve("key-pkcs8.pem");
    OpenSsl.run(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        client.clientKey().toString(),
        "-out",
        pkcs8.toString());

    try (TlsTestServer daemon = daemonFor("127.0.0.1")) {
      assertThatCode(
              () ->
                  validator.validate(
                      daemon.hostPort(), client.caCert(), client.clientCert(), pkcs8))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void validate_daemonCertificateFromAnotherCa_failsWithDockerMachineMessage() throws IOException {
    // a second CA with the same name O=alice: what docker-machine's silent CA renewal produced
    CertificatePaths otherStore = CertificatePaths.inDirectory(store.resolve("other-certs"));
    new CertificateBootstrap(ALICE, Clock.systemUTC(), line -> {}).bootstrap(otherStore);

    try (TlsTestServer daemon = daemonFor("127.0.0.1")) {
      assertThatThrownBy(() -> validate(daemon.hostPort(), otherStore))
          .isInstanceOf(CertificateValidationException.class)
          .hasMessage(
              dockerMachineError(
                  daemon.hostPort(), "x509: certificate signed by unknown authority"));
    }
  }

  @Test
  void validate_daemonCertificateForAnotherIp_failsLikeGo() throws IOException {
    try (TlsTestServer daemon = daemonFor("198.51.100.7")) {
      assertThatThrownBy(() -> validate(daemon.hostPort(), client))
          .isInstanceOf(CertificateValidationException.class)
          .hasMessage(
              dockerMachineError(
                  daemon.hostPort(), "x509: certificate is valid for 198.51.100.7, not 127.0.0.1"));
    }
  }

  @Test
  void validate_expiredDaemonCertificate_saysSo() throws IOException {
    // issued directly: ServerCertificateIssuer rightly refuses a clock before the CA's start
    Clock longAgo = Clock.fixed(Instant.parse("2020-01-01T12:00:00Z"), ZoneOffset.UTC);
    IssuedCertificate expired =
        new CertificateIssuer(longAgo, new SecureRandom())
            .issueServer(
                "alice.ubu",
                List.of("127.0.0.1", "localhost"),
                false,
                SigningAuthority.load(client.caCert(), client.caKey()));
    AtomicFiles.writeAll(
        expired.files(machine.resolve("server.pem"), machine.resolve("server-key.pem")));
    TlsCredentials daemonCredentials =
        TlsCredentials.load(
            client.caCert(), machine.resolve("server.pem"), machine.resolve("server-key.pem"));

    try (TlsTestServer daemon = TlsTestServer.requiringClientCertificates(daemonCredentials)) {
      assertThatThrownBy(() -> validate(daemon.hostPort(), client))
          .isInstanceOf(CertificateValidationException.class)
          .hasMessage(
              dockerMachineError(
                  daemon.hostPort(),
                  "x509: certificate has expired or is not yet valid: it is valid from"
                      + " 2020-01-01T11:55:00Z until 2022-12-16T11:55:00Z"));
    }
  }

  @Test
  void validate_clientCertificateFromAnotherCa_isRejectedByTheDaemon() throws IOException {
    CertificatePaths otherStore = CertificatePaths.inDirectory(store.resolve("other-certs"));
    new CertificateBootstrap(ALICE, Clock.systemUTC(), line -> {}).bootstrap(otherStore);

    try (TlsTestServer daemon = daemonFor("127.0.0.1")) {
      assertThatThrownBy(
              () ->
                  validator.validate(
                      daemon.hostPort(),
                      client.caCert(),
                      otherStore.clientCert(),
                      otherStore.clientKey()))
          .isInstanceOf(CertificateValidationException.class)
          .hasMessage(
              dockerMachineError(daemon.hostPort(), "remote error: tls: unknown certificate"));
    }
  }

  @Test
  void validate_connectionRefused_failsLikeGo() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    String hostPort = "127.0.0.1:" + closedPort;

    assertThatThrownBy(() -> validate(hostPort, client))
        .isInstanceOf(CertificateValidationException.class)
        .hasMessage(
            dockerMachineError(hostPort, "dial tcp " + hostPort + ": connect: connection refused"));
  }

  @Test
  void validate_plainHttpPort_saysItIsNotTls() throws IOException {
    try (TlsTestServer daemon = TlsTestServer.speakingPlainHttp()) {
      assertThatThrownBy(() -> validate(daemon.hostPort(), client))
          .isInstanceOf(CertificateValidationException.class)
          .hasMessage(
              dockerMachineError(
                  daemon.hostPort(), "tls: first record does not look like a TLS handshake"));
    }
  }

  @Test
  void validate_silentPeer_timesOut() throws IOException {
    ConnectionValidator impatient = new ConnectionValidator(Duration.ofMillis(200));
    try (TlsTestServer daemon = TlsTestServer.silent()) {
      assertThatThrownBy(
              () ->
                  impatient.validate(
                      daemon.hostPort(), client.caCert(), client.clientCert(), client.clientKey()))
          .isInstanceOf(CertificateValidationException.class)
          .hasMessage(
              dockerMachineError(daemon.hostPort(), "i/o timeout during the TLS handshake"));
    }
  }

  @Test
  void validate_missingClientKey_failsBeforeConnecting() {
    Path missing = store.resolve("nowhere/key.pem");

    assertThatThrownBy(
            () -> validator.validate("127.0.0.1:9", client.caCert(), client.clientCert(), missing))
        .isInstanceOf(CertificateValidationException.class)
        .hasMessage(
            dockerMachineError("127.0.0.1:9", "open " + missing + ": no such file or directory"));
  }

  @Test
  void validate_addressWithoutPort_failsLikeGo() {
    assertThatThrownBy(() -> validate("127.0.0.1", client))
        .isInstanceOf(CertificateValidationException.class)
        .hasMessage(dockerMachineError("127.0.0.1", "address 127.0.0.1: missing port in address"));
  }
}
