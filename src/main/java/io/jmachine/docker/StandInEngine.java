package io.jmachine.docker;

import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.ServerCertificateIssuer;
import io.jmachine.cert.ServerCertificateRequest;
import io.jmachine.cert.TlsCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A Docker engine's TLS front on 127.0.0.1, for the launcher's training run (io.jmachine.Training)
 * and for tests: it demands a client certificate from the store's CA, as dockerd with --tlsverify
 * does, and answers {@code GET /version} with a fixed HTTP answer; any other request gets a 404.
 * Connections are served one at a time, each for at most 5 seconds.
 */
public final class StandInEngine implements AutoCloseable {
  private static final int MAX_REQUEST = 8192;

  private final SSLServerSocket server;
  private final byte[] versionAnswer;

  private StandInEngine(SSLServerSocket server, String versionAnswer) {
    this.server = server;
    this.versionAnswer = versionAnswer.getBytes(StandardCharsets.UTF_8);
    Thread acceptor = new Thread(this::serve, "stand-in-engine");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** An engine whose certificate is for 127.0.0.1, answering as Debian 12's docker.io does. */
  public static StandInEngine start(Path certs, Path dir) throws IOException {
    return start(
        certs,
        dir,
        "127.0.0.1",
        ok("{\"Version\":\"20.10.24+dfsg1\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\"}"));
  }

  /**
   * @param certs a store's certs directory: ca.pem and ca-key.pem sign the engine's certificate
   * @param dir where the engine's certificate and key are written
   * @param certificateIp the address the engine's certificate is for
   * @param versionAnswer the whole HTTP answer to {@code GET /version}
   */
  public static StandInEngine start(
      Path certs, Path dir, String certificateIp, String versionAnswer) throws IOException {
    Path cert = dir.resolve("engine-" + certificateIp + ".pem");
    Path key = dir.resolve("engine-" + certificateIp + "-key.pem");
    new ServerCertificateIssuer(new CertificateOwner("stand-in-engine"), Clock.systemUTC())
        .issue(
            new ServerCertificateRequest(
                "engine",
                certificateIp,
                List.of(),
                false,
                certs.resolve("ca.pem"),
                certs.resolve("ca-key.pem"),
                cert,
                key));
    SSLServerSocket server =
        (SSLServerSocket)
            TlsCredentials.load(certs.resolve("ca.pem"), cert, key)
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(true);
    return new StandInEngine(server, versionAnswer);
  }

  /** A 200 answer with a JSON body, as dockerd gives it. */
  public static String ok(String json) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n"
        + "Content-Length: "
        + json.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n"
        + json;
  }

  public String url() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (SSLSocket socket = (SSLSocket) server.accept()) {
        socket.setSoTimeout(5000);
        socket.startHandshake();
        String request = readRequest(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write(
            request.startsWith("GET /version")
                ? versionAnswer
                : "HTTP/1.0 404 Not Found\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // a handshake-only check closes without a request, and a client that fails the
        // handshake is what some tests are about; the next client is served
      }
    }
  }

  /** The request line and headers, up to the blank line that ends them. */
  private static String readRequest(InputStream in) throws IOException {
    byte[] request = new byte[MAX_REQUEST];
    int length = 0;
    while (length < request.length) {
      int n = in.read(request, length, request.length - length);
      if (n < 0) {
        break;
      }
      length += n;
      if (new String(request, 0, length, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
        break;
      }
    }
    return new String(request, 0, length, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
