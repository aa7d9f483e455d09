package io.jmachine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.TlsCredentials;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A docker-java client for a machine's engine with the machine's TLS material. No API version is
 * pinned: docker-java then speaks the engine's own (docker-machine's v1.15 is refused by modern
 * engines, #3943).
 */
final class EngineConnection {
  private EngineConnection() {}

  /** The machine's CA and client pair; fails with the file at fault. */
  static TlsCredentials credentials(AuthOptions auth) {
    return TlsCredentials.load(
        Path.of(auth.caCertPath()), Path.of(auth.clientCertPath()), Path.of(auth.clientKeyPath()));
  }

  /**
   * @param response how long to wait for the engine's next bytes once a request is sent
   */
  static DockerClient open(String url, TlsCredentials tls, Duration connect, Duration response) {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(url)
            .withDockerTlsVerify(true)
            .withCustomSslConfig(tls::sslContext)
            .build();
    return DockerClientImpl.getInstance(
        config,
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(connect)
            .responseTimeout(response)
            .build());
  }

  /** The innermost cause's message: docker-java wraps the engine's own words. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
