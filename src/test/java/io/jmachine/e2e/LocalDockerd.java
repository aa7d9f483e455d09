package io.jmachine.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real dockerd (Debian's docker.io) on a loopback TCP port with TLS, its data and run state in
 * the test's own directory, so it touches nothing of the machine's own Docker.
 */
final class LocalDockerd implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path dir;

  private LocalDockerd(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  static LocalDockerd start(Path dir, Path ca, Path cert, Path key) throws Exception {
    int port = freePort();
    Path data = Files.createDirectories(dir.resolve("data"));
    Path exec = Files.createDirectories(dir.resolve("exec"));
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                "dockerd",
                "--host",
                "tcp://127.0.0.1:" + port,
                "--host",
                "unix://" + dir.resolve("docker.sock"),
                "--tlsverify",
                "--tlscacert",
                ca.toString(),
                "--tlscert",
                cert.toString(),
                "--tlskey",
                key.toString(),
                "--data-root",
                data.toString(),
                "--exec-root",
                exec.toString(),
                "--pidfile",
                dir.resolve("docker.pid").toString(),
                "--iptables=false",
                "--ip6tables=false",
                "--bridge=none",
                "--storage-driver=vfs"));
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile());
    Process process = pb.start();
    LocalDockerd dockerd = new LocalDockerd(process, port, dir);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dockerd exited:\n" + Files.readString(dir.resolve("dockerd.log")));
      }
      if (dockerd.listening()) {
        return dockerd;
      }
      Thread.sleep(200);
    }
    dockerd.close();
    throw new IllegalStateException(
        "dockerd did not listen:\n" + Files.readString(dir.resolve("dockerd.log")));
  }

  int port() {
    return port;
  }

  String log() throws IOException {
    return Files.readString(dir.resolve("dockerd.log"));
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy(); // SIGTERM: dockerd stops its containerd and containers itself
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
