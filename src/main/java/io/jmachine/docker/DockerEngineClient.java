package io.jmachine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.TlsCredentials;
import io.jmachine.error.MachineException;
import io.jmachine.machine.EngineVersionProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Talks to a machine's engine through docker-java with the machine's TLS material. No API version
 * is pinned: docker-java then speaks the engine's own (docker-machine's v1.15 is refused by modern
 * engines, #3943).
 */
public final class DockerEngineClient implements EngineVersionProbe {
  private final Duration timeout;

  public DockerEngineClient(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public String version(String url, AuthOptions auth) {
    TlsCredentials tls =
        TlsCredentials.load(
            Path.of(auth.caCertPath()),
            Path.of(auth.clientCertPath()),
            Path.of(auth.clientKeyPath()));
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(url)
            .withDockerTlsVerify(true)
            .withCustomSslConfig(tls::sslContext)
            .build();
    DockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(timeout)
            .responseTimeout(timeout)
            .build();
    try (DockerClient client = DockerClientImpl.getInstance(config, http)) {
      return client.versionCmd().exec().getVersion();
    } catch (IOException e) {
      throw new MachineException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MachineException(rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
