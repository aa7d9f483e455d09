package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.error.MachineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateIssuerTest {
  private static final Instant NOW = Instant.parse("2026-01-10T10:11:12Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final CertificateOwner ALICE = new CertificateOwner("alice");

  @TempDir Path store;

  private CertificatePaths certs;
  private Path machineDirectory;

  @BeforeEach
  void bootstrapCa() throws IOException {
    certs = CertificatePaths.inDirectory(store.resolve("certs"));
    new CertificateBootstrap(ALICE, CLOCK, line -> {}).bootstrap(certs);
    machineDirectory = Files.createDirectories(store.resolve("machines/ubu"));
  }

  private ServerCertificateRequest request(List<String> extraSans, boolean swarmMaster) {
    return new ServerCertificateRequest(
        "ubu",
        "198.51.100.7",
        extraSans,
        swarmMaster,
        certs.caCert(),
        certs.caKey(),
        machineDirectory.resolve("server.pem"),
        machineDirectory.resolve("server-key.pem"));
  }

  private final ServerCertificateIssuer issuer = new ServerCertificateIssuer(ALICE, CLOCK);

  @Test
  void issue_plainMachine_hasDockerMachineServerProfile() {
    ServerCertificateRequest request = request(List.of(), false);

    issuer.issue(request);

    assertThat(OpenSsl.text(request.serverCert()))
        .contains("Version: 3 (0x2)")
        .contains("Signature Algorithm: sha256WithRSAEncryption")
        .contains("Issuer: O = alice\n")
        .contains("Subject: O = alice.ubu\n")
        .contains("Public-Key: (2048 bit)")
        .containsPattern(
            "X509v3 Key Usage: critical\\s+Digital Signature, Key Encipherment, Key Agreement\n")
        .containsPattern("X509v3 Extended Key Usage:\\s+TLS Web Server Authentication\n")
        .containsPattern("X509v3 Basic Constraints: critical\\s+CA:FALSE\n")
        .containsPattern(
            "X509v3 Subject Alternative Name:\\s+DNS:localhost, IP Address:198.51.100.7\n");
    assertThat(OpenSsl.dates(request.serverCert()))
        .isEqualTo("notBefore=2026-01-10 10:06:00Z\nnotAfter=2028-12-25 10:06:00Z\n");
    assertThat(OpenSsl.verify(certs.caCert(), request.serverCert(), "sslserver", NOW).output())
        .isEqualTo(request.serverCert() + ": OK\n");
  }

  @Test
  void issue_extraSans_keepOrderWithDnsNamesBeforeIpAddressesLikeGo() {
    ServerCertificateRequest request =
        request(List.of("extra.example", "198.51.100.9", "2001:db8::1", "docker.local"), false);

    issuer.issue(request);

    assertThat(request.subjectAlternativeNames())
        .containsExactly(
            "extra.example",
            "198.51.100.9",
            "2001:db8::1",
            "docker.local",
            "198.51.100.7",
            "localhost");
    assertThat(OpenSsl.text(request.serverCert()))
        .containsPattern(
            "X509v3 Subject Alternative Name:\\s+DNS:extra.example, DNS:docker.local,"
                + " DNS:localhost, IP Address:198.51.100.9, IP Address:2001:DB8:0:0:0:0:0:1,"
                + " IP Address:198.51.100.7\n");
  }

  @Test
  void issue_namesThatOnlyLookLikeAddresses_becomeDnsNames() {
    ServerCertificateRequest request =
        request(List.of("1.2.3", "fe80::1%eth0", "256.1.1.1"), false);

    issuer.issue(request);

    assertThat(OpenSsl.text(request.serverCert()))
        .containsPattern(
            "X509v3 Subject Alternative Name:\\s+DNS:1.2.3, DNS:fe80::1%eth0, DNS:256.1.1.1,"
                + " DNS:localhost, IP Address:198.51.100.7\n");
  }

  @Test
  void issue_swarmMaster_isAlsoAClientCertificate() {
    ServerCertificateRequest request = request(List.of(), true);

    issuer.issue(request);

    assertThat(OpenSsl.text(request.serverCert()))
        .containsPattern(
            "X509v3 Extended Key Usage:\\s+TLS Web Server Authentication,"
                + " TLS Web Client Authentication\n");
    assertThat(OpenSsl.verify(certs.caCert(), request.serverCert(), "sslclient", NOW).exitCode())
        .isZero();
  }

  @Test
  void issue_writesPkcs1KeyMatchingTheCertificateWithDockerMachineModes() throws IOException {
    ServerCertificateRequest request = request(List.of(), false);

    issuer.issue(request);

    assertThat(Files.readString(request.serverKey()))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    assertThat(OpenSsl.keyModulus(request.serverKey()))
        .isEqualTo(OpenSsl.certificateModulus(request.serverCert()));
    assertThat(FileModes.of(request.serverCert())).isEqualTo("rw-r--r--");
    assertThat(FileModes.of(request.serverKey())).isEqualTo("rw-------");
  }

  @Test
  void issue_again_replacesBothFiles() throws IOException {
    ServerCertificateRequest request = request(List.of(), false);
    issuer.issue(request);
    byte[] firstCertificate = Files.readAllBytes(request.serverCert());
    byte[] firstKey = Files.readAllBytes(request.serverKey());

    issuer.issue(request);

    assertThat(Files.readAllBytes(request.serverCert())).isNotEqualTo(firstCertificate);
    assertThat(Files.readAllBytes(request.serverKey())).isNotEqualTo(firstKey);
    assertThat(OpenSsl.keyModulus(request.serverKey()))
        .isEqualTo(OpenSsl.certificateModulus(request.serverCert()));
  }

  @Test
  void issue_caKeyOfAnotherCa_refusesToSign() {
    CertificatePaths otherCa = CertificatePaths.inDirectory(store.resolve("other-certs"));
    new CertificateBootstrap(ALICE, CLOCK, line -> {}).bootstrap(otherCa);
    ServerCertificateRequest request =
        new ServerCertificateRequest(
            "ubu",
            "198.51.100.7",
            List.of(),
            false,
            certs.caCert(),
            otherCa.caKey(),
            machineDirectory.resolve("server.pem"),
            machineDirectory.resolve("server-key.pem"));

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith(
            "CA key " + otherCa.caKey() + " does not belong to CA certificate " + certs.caCert());
    assertThat(request.serverCert()).doesNotExist();
  }

  @Test
  void issue_expiredCa_refusesToSign() {
    ServerCertificateRequest request = request(List.of(), false);
    Clock afterExpiry = Clock.fixed(Instant.parse("2029-01-01T00:00:00Z"), ZoneOffset.UTC);

    assertThatThrownBy(() -> new ServerCertificateIssuer(ALICE, afterExpiry).issue(request))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith(
            "CA certificate "
                + certs.caCert()
                + " expired on 2028-12-25; run 'docker-machine"
                + " regenerate-certs --client-certs [name...]'");
    assertThat(request.serverCert()).doesNotExist();
  }

  @Test
  void issue_missingCaKey_namesTheFile() {
    ServerCertificateRequest request =
        new ServerCertificateRequest(
            "ubu",
            "198.51.100.7",
            List.of(),
            false,
            certs.caCert(),
            store.resolve("nowhere/ca-key.pem"),
            machineDirectory.resolve("server.pem"),
            machineDirectory.resolve("server-key.pem"));

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOf(CertificateFileException.class)
        .hasMessage("open " + store.resolve("nowhere/ca-key.pem") + ": no such file or directory");
  }
}
