package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards start-up time structurally rather than by the clock: the code {@code env} runs on every
 * shell prompt must not load BouncyCastle (a few hundred milliseconds of class loading), and the
 * package must depend on nothing of jmachine but MachineException.
 */
class StartupPathTest {
  @TempDir Path store;

  @Test
  void envPath_freshJvm_loadsNoBouncyCastleClass() throws Exception {
    CertificatePaths paths = CertificatePaths.inDirectory(store.resolve("certs"));
    new CertificateBootstrap(new CertificateOwner("alice"), Clock.systemUTC(), line -> {})
        .bootstrap(paths);
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info",
                "-cp",
                System.getProperty("java.class.path"),
                EnvPathInAnotherProcess.class.getName(),
                paths.certsDirectory().toString(),
                "127.0.0.1:" + closedPort)
            .redirectErrorStream(true)
            .start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log).contains(ConnectionValidator.class.getName());
    assertThat(log).doesNotContain("org.bouncycastle");
  }

  @Test
  void mainSources_importOnlyJdkBouncyCastleAndMachineException() throws IOException {
    Path sources = Path.of("src/main/java/io/jmachine/cert");
    List<String> imports;
    try (Stream<Path> files = Files.list(sources)) {
      imports =
          files
              .flatMap(StartupPathTest::lines)
              .filter(line -> line.startsWith("import "))
              .collect(Collectors.toList());
    }

    assertThat(imports)
        .isNotEmpty()
        .allMatch(
            line ->
                line.matches("import (static )?(java|javax|org\\.bouncycastle)\\..*")
                    || line.startsWith("import io.jmachine.cert.")
                    || line.equals("import io.jmachine.error.MachineException;"));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
