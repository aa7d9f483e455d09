package io.jmachine.cert;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Issues the certificate a machine's Docker daemon presents ({@code server.pem}, {@code
 * server-key.pem}), signed by the CA; done at every provision and regenerate-certs.
 */
public final class ServerCertificateIssuer {
  private final CertificateOwner owner;
  private final CertificateIssuer issuer;
  private final CertificateExpiryChecker expiryChecker;

  public ServerCertificateIssuer(CertificateOwner owner, Clock clock) {
    this.owner = owner;
    this.issuer = new CertificateIssuer(clock, new SecureRandom());
    this.expiryChecker = new CertificateExpiryChecker(clock);
  }

  /**
   * @throws io.jmachine.error.MachineException if the CA is expired, not yet valid, unreadable, or
   *     its key does not match it: a certificate it signed would be refused by every client
   */
  public void issue(ServerCertificateRequest request) {
    UsableCa.require(expiryChecker.check(request.caCert()));
    SigningAuthority ca = SigningAuthority.load(request.caCert(), request.caKey());
    IssuedCertificate server =
        issuer.issueServer(
            owner.serverOrganization(request.machineName()),
            request.subjectAlternativeNames(),
            request.swarmMaster(),
            ca);
    AtomicFiles.writeAll(server.files(request.serverCert(), request.serverKey()));
  }
}
