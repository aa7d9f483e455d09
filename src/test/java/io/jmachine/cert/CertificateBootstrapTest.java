package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.error.MachineException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateBootstrapTest {
  private static final Instant NOW = Instant.parse("2026-01-10T10:11:12Z");
  private static final Instant AFTER_1080_DAYS = Instant.parse("2028-12-26T00:00:00Z");

  @TempDir Path store;

  private final List<String> info = new ArrayList<>();

  private CertificatePaths paths() {
    return CertificatePaths.inDirectory(store.resolve("certs"));
  }

  private CertificateBootstrap bootstrapAt(Instant instant) {
    return new CertificateBootstrap(
        new CertificateOwner("alice"), Clock.fixed(instant, ZoneOffset.UTC), info::add);
  }

  @Test
  void bootstrap_emptyStore_createsCaAndClient() {
    CertificatePaths paths = paths();

    bootstrapAt(NOW).bootstrap(paths);

    assertThat(info)
        .containsExactly(
            "Creating CA: " + paths.caCert(), "Creating client certificate: " + paths.clientCert());
    assertThat(OpenSsl.verify(paths.caCert(), paths.clientCert(), "sslclient", NOW).output())
        .isEqualTo(paths.clientCert() + ": OK\n");
    assertThat(OpenSsl.keyModulus(paths.caKey()))
        .isEqualTo(OpenSsl.certificateModulus(paths.caCert()));
    assertThat(OpenSsl.keyModulus(paths.clientKey()))
        .isEqualTo(OpenSsl.certificateModulus(paths.clientCert()));
  }

  @Test
  void bootstrap_emptyStore_setsDockerMachineFileModes() {
    CertificatePaths paths = paths();

    bootstrapAt(NOW).bootstrap(paths);

    assertThat(FileModes.of(paths.certsDirectory())).isEqualTo("rwx------");
    assertThat(FileModes.of(paths.caCert())).isEqualTo("rw-r--r--");
    assertThat(FileModes.of(paths.clientCert())).isEqualTo("rw-r--r--");
    assertThat(FileModes.of(paths.caKey())).isEqualTo("rw-------");
    assertThat(FileModes.of(paths.clientKey())).isEqualTo("rw-------");
  }

  @Test
  void bootstrap_emptyStore_leavesOnlyTheFourFilesAndTheLock() throws IOException {
    CertificatePaths paths = paths();

    bootstrapAt(NOW).bootstrap(paths);

    try (var files = Files.list(paths.certsDirectory())) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "ca.pem", "ca-key.pem", "cert.pem", "key.pem", CertsDirectoryLock.FILE_NAME);
    }
  }

  @Test
  void bootstrap_ca_hasDockerMachineProfile() {
    CertificatePaths paths = paths();

    bootstrapAt(NOW).bootstrap(paths);

    String text = OpenSsl.text(paths.caCert());
    assertThat(text)
        .contains("Version: 3 (0x2)")
        .contains("Signature Algorithm: sha256WithRSAEncryption")
        .contains("Issuer: O = alice\n")
        .contains("Subject: O = alice\n")
        .contains("Public-Key: (2048 bit)")
        .containsPattern(
            "X509v3 Key Usage: critical\\s+Digital Signature, Key Encipherment, Key Agreement,"
                + " Certificate Sign\n")
        .containsPattern("X509v3 Basic Constraints: critical\\s+CA:TRUE\n")
        .doesNotContain("Extended Key Usage")
        .doesNotContain("Subject Alternative Name");
    assertThat(OpenSsl.dates(paths.caCert()))
        .isEqualTo("notBefore=2026-01-10 10:06:00Z\nnotAfter=2028-12-25 10:06:00Z\n");
    assertThat(OpenSsl.verify(paths.caCert(), paths.caCert(), "any", NOW).exitCode()).isZero();
  }

  @Test
  void bootstrap_clientCertificate_hasDockerMachineProfile() {
    CertificatePaths paths = paths();

    bootstrapAt(NOW).bootstrap(paths);

    String text = OpenSsl.text(paths.clientCert());
    assertThat(text)
        .contains("Issuer: O = alice\n")
        .contains("Subject: O = \"alice.<bootstrap>\"\n")
        .contains("Public-Key: (2048 bit)")
        .contains("Signature Algorithm: sha256WithRSAEncryption")
        .containsPattern("X509v3 Key Usage: critical\\s+Digital Signature\n")
        .containsPattern("X509v3 Extended Key Usage:\\s+TLS Web Client Authentication\n")
        .containsPattern("X509v3 Basic Constraints: critical\\s+CA:FALSE\n")
        .doesNotContain("Subject Alternative Name");
    assertThat(OpenSsl.dates(paths.clientCert()))
        .isEqualTo("notBefore=2026-01-10 10:06:00Z\nnotAfter=2028-12-25 10:06:00Z\n");
  }

  @Test
  void bootstrap_serialNumbers_areRandomAndBelow2To128() {
    CertificatePaths paths = paths();

    bootstrapAt(NOW).bootstrap(paths);

    BigInteger caSerial = serial(paths.caCert());
    BigInteger clientSerial = serial(paths.clientCert());
    assertThat(caSerial).isNotEqualTo(clientSerial);
    assertThat(caSerial.bitLength()).isLessThanOrEqualTo(128);
    assertThat(clientSerial.bitLength()).isLessThanOrEqualTo(128);
  }

  @Test
  void bootstrap_keys_arePkcs1RsaPrivateKeys() throws IOException {
    CertificatePaths paths = paths();

    bootstrapAt(NOW).bootstrap(paths);

    for (Path key : List.of(paths.caKey(), paths.clientKey())) {
      assertThat(Files.readString(key))
          .startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
          .endsWith("-----END RSA PRIVATE KEY-----\n");
      assertThat(OpenSsl.run("rsa", "-in", key.toString(), "-check", "-noout"))
          .isEqualTo("RSA key ok\n");
    }
  }

  @Test
  void bootstrap_validCertificates_leavesThemUntouched() throws IOException {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);
    List<byte[]> before = contents(paths);
    info.clear();

    bootstrapAt(NOW.plus(Duration.ofDays(1000))).bootstrap(paths);

    assertThat(info).isEmpty();
    assertThat(contents(paths)).containsExactlyElementsOf(before);
  }

  @Test
  void bootstrap_caKeyWithoutCertificate_failsLikeDockerMachine() throws IOException {
    CertificatePaths paths = paths();
    Files.createDirectories(paths.certsDirectory());
    Files.writeString(paths.caKey(), "a key whose certificate is lost");

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(paths))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith("certificate authority key already exists: found " + paths.caKey())
        .hasMessageContaining("move the key away");
    assertThat(info).containsExactly("Creating CA: " + paths.caCert());
    assertThat(paths.caCert()).doesNotExist();
  }

  @Test
  void bootstrap_clientKeyWithoutCertificate_failsLikeDockerMachine() throws IOException {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);
    Files.delete(paths.clientCert());
    info.clear();

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(paths))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith("client key already exists: found " + paths.clientKey());
    assertThat(info).containsExactly("Creating client certificate: " + paths.clientCert());
  }

  @Test
  void bootstrap_expiredCa_refusesAndNamesFileDateAndRemedy() throws IOException {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);
    List<byte[]> before = contents(paths);
    info.clear();

    assertThatThrownBy(() -> bootstrapAt(AFTER_1080_DAYS).bootstrap(paths))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "CA certificate "
                + paths.caCert()
                + " expired on 2028-12-25; run 'docker-machine regenerate-certs --client-certs"
                + " [name...]' to issue a new CA and new client and server certificates for your"
                + " machines");
    assertThat(info).isEmpty();
    assertThat(contents(paths)).containsExactlyElementsOf(before);
  }

  @Test
  void bootstrap_caNotYetValid_refusesAndSuspectsTheClock() {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);

    assertThatThrownBy(() -> bootstrapAt(NOW.minus(Duration.ofDays(2))).bootstrap(paths))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith(
            "CA certificate "
                + paths.caCert()
                + " is not valid before 2026-01-10, check the system clock")
        .hasMessageContaining("regenerate-certs --client-certs");
  }

  @Test
  void bootstrap_unreadableCa_refuses() throws IOException {
    CertificatePaths paths = paths();
    Files.createDirectories(paths.certsDirectory());
    Files.writeString(paths.caCert(), "not PEM at all");

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(paths))
        .isInstanceOf(MachineException.class)
        .hasMessageStartingWith(
            "CA certificate "
                + paths.caCert()
                + " is unreadable: "
                + paths.caCert()
                + ": no CERTIFICATE block found in the PEM data; restore it, or run");
  }

  @Test
  void bootstrap_expiredClientCertificateWithValidCa_reissuesIt() throws IOException {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);
    byte[] oldClient = Files.readAllBytes(paths.clientCert());
    // a younger CA: still valid when the client certificate issued at NOW has expired
    AtomicFiles.writeAll(
        new CertificateIssuer(
                Clock.fixed(NOW.plus(Duration.ofDays(500)), ZoneOffset.UTC), new SecureRandom())
            .issueCa("alice")
            .files(paths.caCert(), paths.caKey()));
    byte[] youngerCa = Files.readAllBytes(paths.caCert());
    info.clear();

    bootstrapAt(AFTER_1080_DAYS).bootstrap(paths);

    assertThat(info)
        .containsExactly(
            "Client certificate is outdated and needs to be regenerated",
            "Creating client certificate: " + paths.clientCert());
    assertThat(Files.readAllBytes(paths.caCert())).isEqualTo(youngerCa);
    assertThat(Files.readAllBytes(paths.clientCert())).isNotEqualTo(oldClient);
    assertThat(
            OpenSsl.verify(paths.caCert(), paths.clientCert(), "sslclient", AFTER_1080_DAYS)
                .exitCode())
        .isZero();
  }

  @Test
  void bootstrap_unreadableClientCertificate_refusesWithRemedy() throws IOException {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);
    Files.writeString(paths.clientCert(), "garbage");

    assertThatThrownBy(() -> bootstrapAt(NOW).bootstrap(paths))
        .isInstanceOf(MachineException.class)
        .hasMessageEndingWith(
            "; remove it and " + paths.clientKey() + " to have a new client certificate issued");
  }

  @Test
  void bootstrap_manyThreadsOfOneProcess_createOneCa() throws Exception {
    CertificatePaths paths = paths();
    CertificateBootstrap shared =
        new CertificateBootstrap(
            new CertificateOwner("alice"),
            Clock.fixed(NOW, ZoneOffset.UTC),
            line -> {
              synchronized (info) {
                info.add(line);
              }
            });
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(threads.submit(() -> shared.bootstrap(paths)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdown();
    }

    assertThat(info).filteredOn(line -> line.startsWith("Creating CA")).hasSize(1);
    assertThat(OpenSsl.verify(paths.caCert(), paths.clientCert(), "sslclient", NOW).exitCode())
        .isZero();
  }

  @Test
  void regenerate_validCertificates_replacesCaAndClient() throws IOException {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);
    List<byte[]> before = contents(paths);
    info.clear();

    bootstrapAt(NOW).regenerate(paths);

    assertThat(info)
        .containsExactly(
            "Creating CA: " + paths.caCert(), "Creating client certificate: " + paths.clientCert());
    List<byte[]> after = contents(paths);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).isNotEqualTo(before.get(i));
    }
    assertThat(OpenSsl.verify(paths.caCert(), paths.clientCert(), "sslclient", NOW).exitCode())
        .isZero();
    assertThat(OpenSsl.keyModulus(paths.caKey()))
        .isEqualTo(OpenSsl.certificateModulus(paths.caCert()));
    assertThat(FileModes.of(paths.caKey())).isEqualTo("rw-------");
    assertThat(FileModes.of(paths.caCert())).isEqualTo("rw-r--r--");
  }

  @Test
  void regenerate_expiredCa_replacesIt() {
    CertificatePaths paths = paths();
    bootstrapAt(NOW).bootstrap(paths);

    bootstrapAt(AFTER_1080_DAYS).regenerate(paths);
    bootstrapAt(AFTER_1080_DAYS).bootstrap(paths);

    assertThat(
            OpenSsl.verify(paths.caCert(), paths.clientCert(), "sslclient", AFTER_1080_DAYS)
                .exitCode())
        .isZero();
  }

  private static BigInteger serial(Path certificate) {
    String line = OpenSsl.run("x509", "-in", certificate.toString(), "-noout", "-serial").strip();
    return new BigInteger(line.substring("serial=".length()), 16);
  }

  private static List<byte[]> contents(CertificatePaths paths) throws IOException {
    List<byte[]> contents = new ArrayList<>();
    for (Path file :
        List.of(paths.caCert(), paths.caKey(), paths.clientCert(), paths.clientKey())) {
      contents.add(Files.readAllBytes(file));
    }
    return contents;
  }
}
