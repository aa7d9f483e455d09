package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-machine #3634 / #4005: parallel {@code create}s on an empty store each made a CA, leaving
 * certificates signed by different CAs. Here 20 real processes race on one empty store.
 */
class ConcurrentBootstrapTest {
  private static final int PROCESSES = 20;

  @TempDir Path store;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void bootstrap_twentyProcessesOnEmptyStore_createExactlyOneCa() throws Exception {
    CertificatePaths paths = CertificatePaths.inDirectory(store.resolve("certs"));
    Path startSignal = store.resolve("start");
    List<BufferedReader> outputs = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      Process process = start(paths.certsDirectory(), startSignal);
      processes.add(process);
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      outputs.add(output);
    }
    for (BufferedReader output : outputs) {
      assertThat(output.readLine()).isEqualTo("ready");
    }

    Files.createFile(startSignal);

    List<String> lines = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      String rest = outputs.get(i).lines().collect(Collectors.joining("\n"));
      assertThat(processes.get(i).waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(processes.get(i).exitValue()).as("exit code, output: %s", rest).isZero();
      rest.lines().forEach(lines::add);
    }
    assertThat(lines)
        .containsExactlyInAnyOrder(
            "Creating CA: " + paths.caCert(), "Creating client certificate: " + paths.clientCert());
    assertThat(
            OpenSsl.verify(paths.caCert(), paths.clientCert(), "sslclient", Instant.now()).output())
        .isEqualTo(paths.clientCert() + ": OK\n");
    assertThat(OpenSsl.keyModulus(paths.caKey()))
        .isEqualTo(OpenSsl.certificateModulus(paths.caCert()));
    try (var files = Files.list(paths.certsDirectory())) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "ca.pem", "ca-key.pem", "cert.pem", "key.pem", CertsDirectoryLock.FILE_NAME);
    }
  }

  private static Process start(Path certsDirectory, Path startSignal) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            BootstrapInAnotherProcess.class.getName(),
            certsDirectory.toString(),
            startSignal.toString())
        .redirectErrorStream(true)
        .start();
  }
}
