package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ls` is bounded by --timeout however many engines hang: machines whose engine accepts the
 * connection and then never speaks are Timeout rows, and the rest of the listing is unaffected.
 * `active` does not talk to engines at all.
 */
class LsDeadlineTest {
  private static final int SILENT_MACHINES = 80;
  @TempDir Path home;

  @Test
  void ls_manyEnginesThatNeverAnswer_becomeTimeoutRowsAtTheDeadline() throws Exception {
    Path store = home.resolve("store");
    CliRunner cli = new CliRunner(store);
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> holdConnections(silent, held), "silent-engine");
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "tcp://127.0.0.1:" + silent.getLocalPort();
      assertThat(cli.run("create", "-d", "none", "--url", url, "s0").exit()).isZero();
      copyMachine(store, "s0", SILENT_MACHINES);
      assertThat(cli.run("create", "-d", "none", "--url", "url1", "plain").exit()).isZero();

      CliRunner.Result r = cli.run("ls", "-t", "1", "--format", "{{.Name}} {{.State}}");

      List<String> rows = r.out().lines().toList();
      assertThat(rows).hasSize(SILENT_MACHINES + 1);
      assertThat(rows).filteredOn(l -> l.startsWith("s")).allMatch(l -> l.endsWith(" Timeout"));
      assertThat(rows).contains("plain Running");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void active_doesNotWaitForAnEngineThatNeverAnswers() throws Exception {
    Path store = home.resolve("store");
    CliRunner cli = new CliRunner(store);
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> holdConnections(silent, held), "silent-engine");
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "tcp://127.0.0.1:" + silent.getLocalPort();
      assertThat(cli.run("create", "-d", "none", "--url", url, "hung").exit()).isZero();
      cli.env("DOCKER_HOST", url);

      // only the state and the URL tell which machine is active: the engine is never asked
      CliRunner.Result r = cli.run("active", "-t", "5");

      assertThat(r.out()).isEqualTo("hung\n");
      assertThat(r.exit()).isZero();
      synchronized (held) {
        assertThat(held).isEmpty();
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  private static void holdConnections(ServerSocket server, List<Socket> held) {
    try {
      while (true) {
        Socket s = server.accept();
        synchronized (held) {
          held.add(s);
        }
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  /** Clones machine s0 as s1..s(n-1): same engine, own names. */
  private static void copyMachine(Path store, String source, int count) throws IOException {
    Path from = store.resolve("machines").resolve(source);
    String config = Files.readString(from.resolve("config.json"));
    for (int i = 1; i < count; i++) {
      Path to = Files.createDirectory(store.resolve("machines").resolve("s" + i));
      Files.writeString(
          to.resolve("config.json"),
          config
              .replace("\"" + source + "\"", "\"s" + i + "\"")
              .replace("/" + source + "/", "/s" + i + "/")
              .replace("/" + source + "\"", "/s" + i + "\""));
    }
  }
}
