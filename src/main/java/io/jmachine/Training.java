package io.jmachine;

import io.jmachine.cli.Environment;
import io.jmachine.cli.MachineCli;
import io.jmachine.cli.output.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the everyday commands once against a throw-away store so that the launcher can record their
 * classes in a class-data sharing archive. Output is discarded.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException {
    Path store = Files.createTempDirectory("jmachine-training");
    try {
      Map<String, String> env =
          Map.of("HOME", store.toString(), "USER", "training", "SHELL", "/bin/bash");
      for (List<String> command :
          List.of(
              List.of("--help"),
              List.of("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "m1"),
              List.of("ls"),
              List.of("ls", "-q"),
              List.of("url", "m1"),
              List.of("env", "m1"),
              List.of("inspect", "-f", "{{.Driver.URL}}", "m1"),
              List.of("status", "m1"),
              List.of("active"))) {
        Console console =
            new Console(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")));
        new MachineCli(console, Environment.of(env), "docker-machine")
            .run(Stream.concat(Stream.of("-s", store.toString()), command.stream()).toList());
      }
    } finally {
      try (Stream<Path> files = Files.walk(store)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
