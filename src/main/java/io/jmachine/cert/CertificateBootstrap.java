package io.jmachine.cert;

import io.jmachine.cert.AtomicFiles.FileContent;
import io.jmachine.error.MachineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Creates the CA and the client certificate every machine shares, as docker-machine's
 * BootstrapCertificates does, with two fixes: concurrent processes create one CA, not one each
 * (#3634, #4005), and an expired CA is reported instead of silently replaced (#4400), because
 * replacing it cuts off every existing machine.
 *
 * <p>Share one instance per JVM: the cross-process file lock cannot be taken twice by one process.
 */
public final class CertificateBootstrap {
  private final CertificateOwner owner;
  private final Consumer<String> info;
  private final CertificateIssuer issuer;
  private final CertificateExpiryChecker expiryChecker;
  private final ReentrantLock threadsOfThisProcess = new ReentrantLock();

  /**
   * @param info receives progress lines such as {@code Creating CA: /path/ca.pem}
   */
  public CertificateBootstrap(CertificateOwner owner, Clock clock, Consumer<String> info) {
    this.owner = owner;
    this.info = info;
    this.issuer = new CertificateIssuer(clock, new SecureRandom());
    this.expiryChecker = new CertificateExpiryChecker(clock);
  }

  /**
   * Creates whichever of the CA and the client certificate is missing, re-issues an outdated client
   * certificate, and refuses to go on with a CA that is expired, not yet valid or unreadable.
   */
  public void bootstrap(CertificatePaths paths) {
    withLock(
        paths,
        () -> {
          ensureCa(paths);
          ensureClientCertificate(paths);
        });
  }

  /**
   * {@code regenerate-certs --client-certs}: always a new CA and a new client pair, even if the old
   * ones are valid (docker-machine kept them, so the command could not recover a leaked CA key).
   * The four files are replaced only once all four have been written.
   */
  public void regenerate(CertificatePaths paths) {
    withLock(
        paths,
        () -> {
          info.accept("Creating CA: " + paths.caCert());
          IssuedCertificate ca = issuer.issueCa(owner.caOrganization());
          info.accept("Creating client certificate: " + paths.clientCert());
          IssuedCertificate client =
              issuer.issueClient(owner.clientOrganization(), ca.asAuthority());
          List<FileContent> files = new ArrayList<>(ca.files(paths.caCert(), paths.caKey()));
          files.addAll(client.files(paths.clientCert(), paths.clientKey()));
          AtomicFiles.writeAll(files);
        });
  }

  private void ensureCa(CertificatePaths paths) {
    if (Files.notExists(paths.caCert())) {
      info.accept("Creating CA: " + paths.caCert());
      refuseOrphanKey(paths.caKey(), paths.caCert(), "certificate authority key", "a new CA");
      AtomicFiles.writeAll(
          issuer.issueCa(owner.caOrganization()).files(paths.caCert(), paths.caKey()));
      return;
    }
    UsableCa.require(expiryChecker.check(paths.caCert()));
  }

  private void ensureClientCertificate(CertificatePaths paths) {
    if (Files.notExists(paths.clientCert())) {
      info.accept("Creating client certificate: " + paths.clientCert());
      refuseOrphanKey(
          paths.clientKey(), paths.clientCert(), "client key", "a new client certificate");
      issueClientCertificate(paths);
      return;
    }
    CertificateStatus status = expiryChecker.check(paths.clientCert());
    switch (status.validity()) {
      case VALID, EXPIRING_SOON -> {}
      case EXPIRED, NOT_YET_VALID -> {
        // safe to replace: servers trust the CA, not this particular certificate
        info.accept("Client certificate is outdated and needs to be regenerated");
        info.accept("Creating client certificate: " + paths.clientCert());
        issueClientCertificate(paths);
      }
      case UNREADABLE ->
          throw new MachineException(
              status.message()
                  + "; remove it and "
                  + paths.clientKey()
                  + " to have a new client certificate issued");
    }
  }

  private void issueClientCertificate(CertificatePaths paths) {
    SigningAuthority ca = SigningAuthority.load(paths.caCert(), paths.caKey());
    AtomicFiles.writeAll(
        issuer
            .issueClient(owner.clientOrganization(), ca)
            .files(paths.clientCert(), paths.clientKey()));
  }

  /** docker-machine's error, plus which files are meant and the way out. */
  private static void refuseOrphanKey(Path key, Path certificate, String what, String fresh) {
    if (Files.exists(key)) {
      throw new MachineException(
          what
              + " already exists: found "
              + key
              + " but no "
              + certificate
              + "; restore the certificate, or move the key away to create "
              + fresh);
    }
  }

  private void withLock(CertificatePaths paths, Runnable action) {
    AtomicFiles.createPrivateDirectory(paths.certsDirectory());
    threadsOfThisProcess.lock();
    try {
      CertsDirectoryLock otherProcesses = CertsDirectoryLock.acquire(paths.certsDirectory());
      try {
        action.run();
      } finally {
        otherProcesses.close();
      }
    } finally {
      threadsOfThisProcess.unlock();
    }
  }
}
