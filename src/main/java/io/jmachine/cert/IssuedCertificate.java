package io.jmachine.cert;

import io.jmachine.cert.AtomicFiles.FileContent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** A freshly signed certificate and its private key, PEM-encoded the way docker-machine does. */
record IssuedCertificate(X509CertificateHolder certificate, PrivateKey privateKey) {

  /** This certificate as the signer of further ones. */
  SigningAuthority asAuthority() {
    try {
      return new SigningAuthority(
          new JcaX509CertificateConverter().getCertificate(certificate), privateKey);
    } catch (CertificateException e) {
      throw new IllegalStateException("BouncyCastle produced a certificate the JDK cannot read", e);
    }
  }

  /**
   * The key comes first: if the process dies between the two renames, the old certificate (missing
   * or expired) is what the next bootstrap finds and acts on. Where a still-valid pair is replaced
   * (regenerate), SigningAuthority catches the mismatch before anything is signed with it.
   */
  List<FileContent> files(Path certificateFile, Path keyFile) {
    return List.of(
        new FileContent(keyFile, privateKeyPem(), FileMode.PRIVATE_FILE),
        new FileContent(certificateFile, certificatePem(), FileMode.PUBLIC_FILE));
  }

  byte[] certificatePem() {
    try {
      return pem(new PemObject("CERTIFICATE", certificate.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PKCS#1 {@code RSA PRIVATE KEY}, which docker-machine writes and older tools expect. */
  byte[] privateKeyPem() {
    return pem(privateKey);
  }

  private static byte[] pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      // only a StringWriter underneath, which does not fail
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
