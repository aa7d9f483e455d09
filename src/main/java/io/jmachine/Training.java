package io.jmachine;

import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.ServerCertificateIssuer;
import io.jmachine.cert.ServerCertificateRequest;
import io.jmachine.cert.TlsCredentials;
import io.jmachine.cli.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The training run behind the launcher's class-data sharing archive: runs the everyday commands
 * against a throw-away store so that the JVM records the classes they load. {@code env} and {@code
 * ls} talk to a TLS engine on 127.0.0.1 that demands the store's client certificate and answers
 * {@code GET /version}, so that their successful paths (handshake, HTTP, JSON) are recorded, not
 * only their error paths. {@code version NAME} (docker-java) is left out: a class in the archive
 * costs every start a little, and that command is rare. Output is discarded; nothing here may hang.
 */
public final class Training {
  private static final String ENGINE_ANSWER =
      "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\"}";

  private Training() {}

  public static void main(String[] args) throws IOException {
    // Main reads the real environment: record those classes too, though the commands below
    // each get their own
    Environment.of(System.getenv());
    Path store = Files.createTempDirectory("jmachine-training");
    try {
      train(store);
    } finally {
      try (Stream<Path> files = Files.walk(store)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void train(Path store) throws IOException {
    // the first create makes the CA and the client certificate
    run(store, "create", "-d", "none", "--url", "tcp://127.0.0.1:1", "gone");
    try (Engine engine = Engine.start(store)) {
      run(store, "create", "-d", "none", "--url", engine.url(), "m1");
      for (List<String> command :
          List.of(
              List.of("ls"),
              List.of("ls", "-q"),
              List.of("ls", "--filter", "driver=none", "--format", "{{.Name}} {{.URL}}"),
              List.of("url", "m1"),
              List.of("ip", "m1"),
              List.of("env", "m1"),
              List.of("env", "--shell", "fish", "m1"),
              List.of("env", "-u"),
              List.of("config", "m1"),
              List.of("inspect", "m1"),
              List.of("inspect", "-f", "{{.Driver.URL}}", "m1"),
              List.of("status", "m1"),
              List.of("active"),
              List.of("version"),
              List.of("url", "missing"),
              List.of("ls", "--no-such-flag"),
              List.of("--help"),
              List.of("ls", "--help"),
              List.of("rm", "-y", "gone"))) {
        run(store, command.toArray(new String[0]));
      }
    }
  }

  private static void run(Path store, String... command) {
    Map<String, String> env =
        Map.of(
            "HOME", store.toString(),
            "USER", "training",
            "SHELL", "/bin/bash",
            "DOCKER_HOST", "tcp://127.0.0.1:1");
    List<String> args = new ArrayList<>(List.of("-s", store.toString()));
    args.addAll(List.of(command));
    Main.run(
        args.toArray(new String[0]),
        env,
        "docker-machine",
        OutputStream.nullOutputStream(),
        OutputStream.nullOutputStream(),
        InputStream.nullInputStream());
  }

  /** A Docker engine's TLS front: client certificates from the store's CA, GET /version. */
  private static final class Engine implements AutoCloseable {
    private final SSLServerSocket server;

    private Engine(SSLServerSocket server) {
      this.server = server;
      Thread acceptor = new Thread(this::serve, "training-engine");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    static Engine start(Path store) throws IOException {
      Path certs = store.resolve("certs");
      Path cert = store.resolve("engine.pem");
      Path key = store.resolve("engine-key.pem");
      new ServerCertificateIssuer(new CertificateOwner("training"), Clock.systemUTC())
          .issue(
              new ServerCertificateRequest(
                  "m1",
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
      return new Engine(server);
    }

    String url() {
      return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
      while (!server.isClosed()) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
          socket.setSoTimeout(5000);
          socket.startHandshake();
          answer(socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
          // a handshake-only check closes without a request; the next client is served
        }
      }
    }

    private static void answer(InputStream in, OutputStream out) throws IOException {
      byte[] request = new byte[8192];
      int length = 0;
      while (length < request.length) {
        int n = in.read(request, length, request.length - length);
        if (n < 0) {
          return;
        }
        length += n;
        if (new String(request, 0, length, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
          break;
        }
      }
      byte[] body = ENGINE_ANSWER.getBytes(StandardCharsets.US_ASCII);
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
