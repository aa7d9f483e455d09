package io.jmachine.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/** Reads PEM certificates and private keys with the JDK alone (no BouncyCastle, see PemBlock). */
final class PemFiles {
  private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC");

  private PemFiles() {}

  /** The first CERTIFICATE block of {@code file}. */
  static X509Certificate readCertificate(Path file) {
    byte[] der = firstBlock(file, "CERTIFICATE");
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new CertificateFileException(
          file + ": not a valid X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** A PKCS#1 {@code RSA PRIVATE KEY} or an unencrypted PKCS#8 {@code PRIVATE KEY}. */
  static PrivateKey readPrivateKey(Path file) {
    for (PemBlock block : blocks(file)) {
      switch (block.type()) {
        case "RSA PRIVATE KEY":
          return pkcs8Key(file, Pkcs1.toPkcs8(block.der()), List.of("RSA"));
        case "PRIVATE KEY":
          return pkcs8Key(file, block.der(), PKCS8_ALGORITHMS);
        default:
          break;
      }
    }
    throw new CertificateFileException(
        file + ": no RSA PRIVATE KEY or PRIVATE KEY block found in the PEM data");
  }

  private static PrivateKey pkcs8Key(Path file, byte[] pkcs8, List<String> algorithms) {
    for (String algorithm : algorithms) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (InvalidKeySpecException wrongAlgorithm) {
        // the PKCS#8 envelope names its algorithm; the next candidate may accept it
      } catch (GeneralSecurityException e) {
        throw new CertificateFileException(file + ": " + e.getMessage(), e);
      }
    }
    throw new CertificateFileException(
        file + ": not a valid " + String.join(" or ", algorithms) + " private key");
  }

  private static byte[] firstBlock(Path file, String type) {
    for (PemBlock block : blocks(file)) {
      if (block.type().equals(type)) {
        return block.der();
      }
    }
    throw new CertificateFileException(file + ": no " + type + " block found in the PEM data");
  }

  private static List<PemBlock> blocks(Path file) {
    String text = read(file);
    try {
      return PemBlock.parseAll(text);
    } catch (IllegalArgumentException e) {
      throw new CertificateFileException(file + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new CertificateFileException("open " + file + ": " + IoErrors.reason(e), e);
    }
  }
}
