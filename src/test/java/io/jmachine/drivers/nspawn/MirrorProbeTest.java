package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorProbeTest {
  @TempDir Path dir;

  @Test
  void closedPort_isUnreachable_withAdvice() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String mirror = "http://127.0.0.1:" + port + "/debian";
    assertThatThrownBy(() -> MirrorProbe.HTTP.check(mirror, "bookworm"))
        .hasMessageStartingWith("the Debian mirror " + mirror + " is unreachable (")
        .hasMessageEndingWith(
            "): the base image is built from it once; pass a reachable one with --nspawn-mirror");
  }

  @Test
  void unknownSuite_isNamed() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int status =
              exchange.getRequestURI().getPath().equals("/debian/dists/bookworm/Release")
                  ? 200
                  : 404;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    try {
      String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/debian";
      MirrorProbe.HTTP.check(mirror, "bookworm");
      assertThatThrownBy(() -> MirrorProbe.HTTP.check(mirror, "bullseye"))
          .hasMessage(
              "the Debian mirror "
                  + mirror
                  + " has no suite \"bullseye\" ("
                  + mirror
                  + "/dists/bullseye/Release not found): check --nspawn-suite and"
                  + " --nspawn-mirror");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void fileMirror_isLookedAtOnDisk() throws IOException {
    Files.createDirectories(dir.resolve("dists/bookworm"));
    Files.writeString(dir.resolve("dists/bookworm/Release"), "Suite: stable\n");
    MirrorProbe.HTTP.check(dir.toUri().toString().replaceAll("/$", ""), "bookworm");
    assertThatThrownBy(
            () -> MirrorProbe.HTTP.check(dir.toUri().toString().replaceAll("/$", ""), "trixie"))
        .hasMessageContaining("has no suite \"trixie\"");
  }

  @Test
  void otherSchemes_areRefused() {
    assertThatThrownBy(() -> MirrorProbe.HTTP.check("ftp://mirror.example/debian", "bookworm"))
        .hasMessage(
            "invalid --nspawn-mirror \"ftp://mirror.example/debian\": use an http, https or file"
                + " URL");
  }
}
