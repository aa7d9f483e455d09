package io.jmachine.cli;

import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.ServerCertificateIssuer;
import io.jmachine.cert.ServerCertificateRequest;
import io.jmachine.cert.TlsCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS listener on 127.0.0.1 that demands a client certificate from the store's CA and answers
 * `GET /version` like an engine: enough for exact-output tests of env, config and ls. The real
 * dockerd is exercised end to end in io.jmachine.e2e.
 */
final class TlsEngineStub implements AutoCloseable {
  private final SSLServerSocket server;
  private final Thread acceptor;

  private TlsEngineStub(SSLServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::serve, "tls-engine-stub");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static TlsEngineStub start(Path store, Path dir) throws IOException {
    Path certs = store.resolve("certs");
    Path cert = dir.resolve("stub-server.pem");
    Path key = dir.resolve("stub-server-key.pem");
    new ServerCertificateIssuer(new CertificateOwner("tester"), Clock.systemUTC())
        .issue(
            new ServerCertificateRequest(
                "stub",
                "127.0.0.1",
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
    return new TlsEngineStub(server);
  }

  String url() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (SSLSocket socket = (SSLSocket) server.accept()) {
        socket.startHandshake();
        socket.setSoTimeout(2000);
        byte[] request = new byte[4096];
        int n = socket.getInputStream().read(request);
        if (n > 0
            && new String(request, 0, n, StandardCharsets.US_ASCII).startsWith("GET /version")) {
          String body = "{\"Version\":\"20.10.24+dfsg1\",\"ApiVersion\":\"1.41\"}";
          OutputStream out = socket.getOutputStream();
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException e) {
        // a client that fails the handshake is what some tests are about
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
