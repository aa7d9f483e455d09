package io.jmachine.cli;

import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.CertificateExpiryChecker;
import io.jmachine.cert.CertificateStatus;
import io.jmachine.machine.CertificateHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A machine's certificate problems for `ls` and `env`: its CA, client and (once provisioned) server
 * certificate. Machines usually share the CA and client files, so each file is read once.
 */
final class CertificateExpiryReport implements CertificateHealth {
  private final CertificateExpiryChecker checker;
  private final Map<Path, CertificateStatus> seen = new ConcurrentHashMap<>();

  CertificateExpiryReport(CertificateExpiryChecker checker) {
    this.checker = checker;
  }

  @Override
  public Optional<String> problem(AuthOptions auth) {
    for (String file :
        new String[] {auth.caCertPath(), auth.clientCertPath(), auth.serverCertPath()}) {
      if (file.isEmpty()) {
        continue;
      }
      Path path = Path.of(file);
      if (file.equals(auth.serverCertPath()) && !Files.exists(path)) {
        continue; // not provisioned (yet), as with the none driver
      }
      CertificateStatus status = seen.computeIfAbsent(path, checker::check);
      if (status.validity() != CertificateStatus.Validity.VALID) {
        return Optional.of(status.message());
      }
    }
    return Optional.empty();
  }
}
