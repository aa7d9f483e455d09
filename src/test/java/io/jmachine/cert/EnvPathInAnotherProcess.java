package io.jmachine.cert;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What {@code env} and {@code ls} do with certificates, run in a fresh JVM by {@link
 * StartupPathTest} to see which classes it loads.
 */
public final class EnvPathInAnotherProcess {
  private EnvPathInAnotherProcess() {}

  public static void main(String[] args) {
    CertificatePaths paths = CertificatePaths.inDirectory(Path.of(args[0]));
    new CertificateExpiryChecker(Clock.systemUTC()).check(paths.caCert());
    TlsCredentials.load(paths.caCert(), paths.clientCert(), paths.clientKey()).sslContext();
    try {
      new ConnectionValidator()
          .validate(args[1], paths.caCert(), paths.clientCert(), paths.clientKey());
    } catch (CertificateValidationException expected) {
      // nothing listens there: the failure path must not need BouncyCastle either
    }
  }
}
