package io.jmachine.docker;

import static io.jmachine.json.JsonFields.string;

import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.TlsCredentials;
import io.jmachine.error.MachineException;
import io.jmachine.json.GoJson;
import io.jmachine.json.JsonSyntaxException;
import io.jmachine.machine.EngineVersionProbe;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * One `GET /version` over TLS, for `ls`. The unversioned endpoint lets every engine answer with its
 * own API version (docker-machine pinned v1.15, which engines since 25.0 reject). Chosen over
 * docker-java for `ls` because it adds no start-up cost (see docs/performance.md).
 */
public final class HttpsVersionProbe implements EngineVersionProbe {
  private final Duration timeout;
  private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();

  public HttpsVersionProbe(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public String version(String url, AuthOptions auth) {
    URI endpoint;
    try {
      URI engine = new URI(url);
      endpoint = new URI("https", engine.getRawAuthority(), "/version", null, null);
    } catch (URISyntaxException e) {
      throw new MachineException("Error parsing URL: " + e.getMessage());
    }
    try {
      HttpsURLConnection http = (HttpsURLConnection) endpoint.toURL().openConnection();
      http.setSSLSocketFactory(sslContext(auth).getSocketFactory());
      http.setConnectTimeout((int) timeout.toMillis());
      http.setReadTimeout((int) timeout.toMillis());
      http.setRequestProperty("Content-Type", "application/json");
      if (http.getResponseCode() != 200) {
        throw new MachineException(
            "Get \""
                + endpoint
                + "\": "
                + http.getResponseCode()
                + " "
                + http.getResponseMessage());
      }
      try (InputStream body = http.getInputStream()) {
        Object json = GoJson.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        if (json instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> version = (Map<String, Object>) map;
          return string(version, "Version");
        }
        throw new MachineException("unexpected answer from " + endpoint);
      }
    } catch (ConnectException e) {
      throw new MachineException("Cannot connect to the docker engine endpoint");
    } catch (JsonSyntaxException e) {
      throw new MachineException("unexpected answer from " + endpoint + ": " + e.getMessage());
    } catch (IOException e) {
      throw new MachineException("Get \"" + endpoint + "\": " + e.getMessage());
    }
  }

  private SSLContext sslContext(AuthOptions auth) {
    String key = auth.caCertPath() + "\0" + auth.clientCertPath() + "\0" + auth.clientKeyPath();
    return contexts.computeIfAbsent(
        key,
        k ->
            TlsCredentials.load(
                    Path.of(auth.caCertPath()),
                    Path.of(auth.clientCertPath()),
                    Path.of(auth.clientKeyPath()))
                .sslContext());
  }
}
