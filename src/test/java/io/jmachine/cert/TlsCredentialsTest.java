package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsCredentialsTest {
  @TempDir Path store;

  private CertificatePaths paths;

  @BeforeEach
  void bootstrap() {
    paths = CertificatePaths.inDirectory(store.resolve("certs"));
    new CertificateBootstrap(new CertificateOwner("alice"), Clock.systemUTC(), line -> {})
        .bootstrap(paths);
  }

  @Test
  void load_pkcs1Key_buildsSslContext() {
    TlsCredentials credentials =
        TlsCredentials.load(paths.caCert(), paths.clientCert(), paths.clientKey());

    assertThat(credentials.sslContext().getProtocol()).isEqualTo("TLS");
  }

  @Test
  void load_pkcs8Key_readsTheSameKey() throws IOException {
    Path pkcs8 = store.resolve("key-pkcs8.pem");
    OpenSsl.run(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        paths.clientKey().toString(),
        "-out",
        pkcs8.toString());
    assertThat(Files.readString(pkcs8)).startsWith("-----BEGIN PRIVATE KEY-----\n");

    assertThat(PemFiles.readPrivateKey(pkcs8))
        .isEqualTo(PemFiles.readPrivateKey(paths.clientKey()));
    assertThat(TlsCredentials.load(paths.caCert(), paths.clientCert(), pkcs8).sslContext())
        .isNotNull();
  }

  @Test
  void load_encryptedKey_isRefusedWithReason() {
    Path encrypted = store.resolve("encrypted.pem");
    OpenSsl.run(
        "rsa",
        "-in",
        paths.clientKey().toString(),
        "-aes256",
        "-traditional",
        "-passout",
        "pass:secret",
        "-out",
        encrypted.toString());

    assertThatThrownBy(() -> TlsCredentials.load(paths.caCert(), paths.clientCert(), encrypted))
        .isInstanceOf(CertificateFileException.class)
        .hasMessage(encrypted + ": the RSA PRIVATE KEY block is encrypted, which is not supported");
  }

  @Test
  void load_certificateGivenAsKey_namesTheFile() {
    assertThatThrownBy(
            () -> TlsCredentials.load(paths.caCert(), paths.clientCert(), paths.clientCert()))
        .isInstanceOf(CertificateFileException.class)
        .hasMessage(
            paths.clientCert() + ": no RSA PRIVATE KEY or PRIVATE KEY block found in the PEM data");
  }

  @Test
  void load_missingCa_namesTheFileLikeGo() {
    Path missing = store.resolve("absent/ca.pem");

    assertThatThrownBy(() -> TlsCredentials.load(missing, paths.clientCert(), paths.clientKey()))
        .isInstanceOf(CertificateFileException.class)
        .hasMessage("open " + missing + ": no such file or directory");
  }

  @Test
  void load_pemWithSurroundingText_findsTheBlock() throws IOException {
    Path annotated = store.resolve("annotated.pem");
    Files.writeString(
        annotated, "Bag Attributes: something\n" + Files.readString(paths.caCert()) + "trailer\n");

    assertThat(PemFiles.readCertificate(annotated))
        .isEqualTo(PemFiles.readCertificate(paths.caCert()));
  }
}
