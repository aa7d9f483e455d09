package io.jmachine.docker;

import com.github.dockerjava.api.DockerClient;
import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.TlsCredentials;
import io.jmachine.error.MachineException;
import io.jmachine.machine.EngineVersionProbe;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

/** Asks a machine's engine for its version through docker-java (`version NAME`). */
public final class DockerEngineClient implements EngineVersionProbe {
  private final Duration timeout;

  public DockerEngineClient(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public String version(String url, AuthOptions auth) {
    TlsCredentials tls = EngineConnection.credentials(auth);
    try (DockerClient client = EngineConnection.open(url, tls, timeout, timeout)) {
      return client.versionCmd().exec().getVersion();
    } catch (IOException e) {
      throw new MachineException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MachineException(reason(e), e);
    }
  }

  /** A refused connection in docker-machine's words (its Docker client's), as `ls` says it. */
  private static String reason(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return HttpsVersionProbe.REFUSED;
      }
    }
    return EngineConnection.rootMessage(e);
  }
}
