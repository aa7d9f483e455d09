package io.jmachine.cert;

import io.jmachine.error.MachineException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;

/** A CA certificate with its private key, checked to belong together before anything is signed. */
record SigningAuthority(X509Certificate certificate, PrivateKey key) {

  static SigningAuthority load(Path certificateFile, Path keyFile) {
    X509Certificate certificate = PemFiles.readCertificate(certificateFile);
    PrivateKey key = PemFiles.readPrivateKey(keyFile);
    // a mismatch would sign certificates that no client trusts, and only fail much later
    if (certificate.getPublicKey() instanceof RSAKey publicKey
        && key instanceof RSAKey privateKey
        && !publicKey.getModulus().equals(privateKey.getModulus())) {
      throw new MachineException(
          "CA key "
              + keyFile
              + " does not belong to CA certificate "
              + certificateFile
              + "; restore the matching pair, or run 'docker-machine regenerate-certs"
              + " --client-certs' to issue a new CA and new client and server certificates");
    }
    return new SigningAuthority(certificate, key);
  }
}
