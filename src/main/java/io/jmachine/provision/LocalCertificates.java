package io.jmachine.provision;

/** The certificate work provisioning does on this computer, before copying to the machine. */
public interface LocalCertificates {
  /** docker-machine's "Copying certs to the local machine directory...": CA and client pair. */
  void copyToMachineDirectory();

  /**
   * The CA and the server certificate and key the daemon will present: the stored ones when they
   * are still right for this machine (signed by its CA, its current IP and SANs, not about to
   * expire) unless {@code fresh}, else newly issued and stored.
   */
  ServerMaterial serverCertificate(String machineIp, boolean fresh);

  /** PEM texts to install on the machine; {@code issued} when new ones were made. */
  record ServerMaterial(String caPem, String certPem, String keyPem, boolean issued) {}
}
