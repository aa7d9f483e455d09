package io.jmachine.cert;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A CA to trust and a certificate with its key to present: what a Docker client needs to talk to a
 * machine's daemon ({@code DOCKER_CERT_PATH}). Loaded with the JDK alone, see {@link PemBlock}.
 */
public final class TlsCredentials {
  /**
   * What our client sockets offer: TLS 1.2, where docker-machine's Go 1.12 client stopped. It is
   * also the cheaper first handshake for a fresh JVM: a TLS 1.3 ClientHello from the JDK carries
   * two key shares (x25519 and P-256), and the server uses one of them.
   */
  public static final List<String> PROTOCOLS = List.of("TLSv1.2");

  private final X509Certificate ca;
  private final X509Certificate certificate;
  private final PrivateKey key;

  private TlsCredentials(X509Certificate ca, X509Certificate certificate, PrivateKey key) {
    this.ca = ca;
    this.certificate = certificate;
    this.key = key;
  }

  /**
   * @param key PKCS#1 ({@code RSA PRIVATE KEY}) or unencrypted PKCS#8 ({@code PRIVATE KEY})
   * @throws CertificateFileException naming the file that is missing or malformed
   */
  public static TlsCredentials load(Path caCert, Path cert, Path key) {
    return new TlsCredentials(
        PemFiles.readCertificate(caCert),
        PemFiles.readCertificate(cert),
        PemFiles.readPrivateKey(key));
  }

  /**
   * Trusts only the CA and presents the certificate. Host names are checked only on sockets whose
   * endpoint identification algorithm is set to {@code HTTPS}, as with any SSLContext.
   */
  public SSLContext sslContext() {
    return sslContext(trustManager());
  }

  SSLContext sslContext(X509ExtendedTrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {new SingleKeyManager(certificate, key)},
          new TrustManager[] {trustManager},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot set up TLS", e);
    }
  }

  /** The JDK's PKIX trust manager with the CA as its only anchor. */
  X509ExtendedTrustManager trustManager() {
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      anchors.setCertificateEntry("ca", ca);
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the JDK's PKIX TrustManagerFactory has no X.509 manager");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("this JDK cannot set up a PKIX trust manager", e);
    }
  }
}
