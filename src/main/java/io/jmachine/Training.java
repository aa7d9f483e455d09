package io.jmachine;

import io.jmachine.cli.Environment;
import io.jmachine.docker.StandInEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data sharing archive: runs the everyday commands
 * against a throw-away store so that the JVM records the classes they load. {@code env} and {@code
 * ls} talk to a TLS engine on 127.0.0.1 that demands the store's client certificate and answers
 * {@code GET /version}, so that their successful paths (handshake, HTTP, JSON) are recorded, not
 * only their error paths. {@code version NAME} (docker-java) is left out: a class in the archive
 * costs every start a little, and that command is rare. Output is discarded; nothing here may hang.
 */
public final class Training {
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
    try (StandInEngine engine = StandInEngine.start(store.resolve("certs"), store)) {
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
}
