package io.jmachine.provision;

/**
 * One provisioning of one machine: the connection, the machine, its OS and the local certificate
 * work.
 *
 * @param freshServerCertificate issue a new server certificate even if the stored one is fine
 *     (regenerate-certs)
 */
public record ProvisionRun(
    RemoteShell sh,
    ProvisionTarget target,
    OsRelease os,
    LocalCertificates certificates,
    boolean freshServerCertificate) {

  public void info(String line) {
    sh.info().accept(line);
  }

  public String name() {
    return target.machineName();
  }
}
