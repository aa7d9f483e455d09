package io.jmachine.machine;

/** Makes sure the CA and client certificate exist before a machine is created. */
public interface CertificateBootstrapper {
  void bootstrap(CreateRequest.TlsPaths paths);
}
