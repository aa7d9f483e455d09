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

  public ServerCertificateIssuer(CertificateOwner owner, Clock clock) {
    this.owner = owner;
    this.issuer = new CertificateIssuer(clock, new SecureRandom());
  }

  public void issue(ServerCertificateRequest request) {
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
