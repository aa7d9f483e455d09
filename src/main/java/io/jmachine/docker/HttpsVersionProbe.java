package io.jmachine.docker;

import static io.jmachine.json.JsonFields.string;

import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.ServerName;
import io.jmachine.cert.TlsCredentials;
import io.jmachine.error.MachineException;
import io.jmachine.json.GoJson;
import io.jmachine.json.JsonSyntaxException;
import io.jmachine.machine.EngineVersionProbe;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * One `GET /version` over TLS, for `ls`. The unversioned endpoint lets every engine answer with its
 * own API version (docker-machine pinned v1.15, which engines since 25.0 reject). Chosen over
 * docker-java for `ls` because it adds no start-up cost (see docs/performance.md); a plain socket
 * rather than HttpsURLConnection for the same reason, and so that an engine that is down costs one
 * refused connect() and no TLS set-up at all.
 */
public final class HttpsVersionProbe implements EngineVersionProbe {
  /** The words of docker-machine's Docker client for a refused connection. */
  static final String REFUSED = "Cannot connect to the docker engine endpoint";

  private final Duration timeout;
  private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();

  public HttpsVersionProbe(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public String version(String url, AuthOptions auth) {
    URI engine;
    try {
      engine = new URI(url);
    } catch (URISyntaxException e) {
      throw new MachineException("Error parsing URL: " + e.getMessage());
    }
    String endpoint = "https://" + engine.getRawAuthority() + "/version";
    if (engine.getHost() == null || engine.getPort() < 0) {
      throw new MachineException("Error parsing URL: no host and port in \"" + url + "\"");
    }
    int millis = Math.toIntExact(timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(engine.getHost(), engine.getPort()), millis);
      socket.setSoTimeout(millis);
      try (SSLSocket tls = layerTls(socket, engine, auth)) {
        HttpAnswer answer =
            HttpAnswer.read(
                tls, "GET /version HTTP/1.0\r\nHost: " + engine.getRawAuthority() + "\r\n\r\n");
        if (answer.status() != 200) {
          throw new MachineException("Get \"" + endpoint + "\": " + answer.statusText());
        }
        return versionOf(answer.body(), endpoint);
      }
    } catch (ConnectException e) {
      throw new MachineException(REFUSED);
    } catch (IOException e) {
      throw new MachineException("Get \"" + endpoint + "\": " + e.getMessage());
    }
  }

  private SSLSocket layerTls(Socket socket, URI engine, AuthOptions auth) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            sslContext(auth)
                .getSocketFactory()
                .createSocket(socket, engine.getHost(), engine.getPort(), true);
    tls.setEnabledProtocols(TlsCredentials.PROTOCOLS.toArray(String[]::new));
    tls.startHandshake();
    try {
      String host = engine.getHost().replaceAll("^\\[(.*)]$", "$1");
      ServerName.verify(host, (X509Certificate) tls.getSession().getPeerCertificates()[0]);
    } catch (CertificateException e) {
      throw new SSLPeerUnverifiedException(e.getMessage());
    }
    return tls;
  }

  private static String versionOf(String body, String endpoint) {
    try {
      if (GoJson.parse(body) instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) map;
        return string(version, "Version");
      }
      throw new MachineException("unexpected answer from " + endpoint);
    } catch (JsonSyntaxException e) {
      throw new MachineException("unexpected answer from " + endpoint + ": " + e.getMessage());
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
