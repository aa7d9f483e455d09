package io.jmachine.cert;

import java.nio.file.Path;

/**
 * Where the CA and the client pair live. Given one by one because {@code --tls-ca-cert}, {@code
 * --tls-ca-key}, {@code --tls-client-cert} and {@code --tls-client-key} may point anywhere.
 */
public record CertificatePaths(
    Path certsDirectory, Path caCert, Path caKey, Path clientCert, Path clientKey) {

  /**
   * docker-machine's defaults: {@code ca.pem}, {@code ca-key.pem}, {@code cert.pem}, {@code
   * key.pem}.
   */
  public static CertificatePaths inDirectory(Path certsDirectory) {
    return new CertificatePaths(
        certsDirectory,
        certsDirectory.resolve("ca.pem"),
        certsDirectory.resolve("ca-key.pem"),
        certsDirectory.resolve("cert.pem"),
        certsDirectory.resolve("key.pem"));
  }
}
