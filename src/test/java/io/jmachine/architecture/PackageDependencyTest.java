package io.jmachine.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture: cli on top, no cycles, only cli imports picocli. */
class PackageDependencyTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE =
      Pattern.compile("^package (io\\.jmachine[\\w.]*);", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?((?:io\\.jmachine|picocli)[\\w.]*)\\.[\\w*]+;", Pattern.MULTILINE);
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(io\\.jmachine(?:\\.[a-z]\\w*)+)\\.[A-Z]");
  private static final Map<String, Set<String>> GRAPH = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find()) {
          continue;
        }
        String self = module(pkg.group(1));
        Set<String> deps = GRAPH.computeIfAbsent(self, k -> new TreeSet<>());
        for (Matcher m = IMPORT.matcher(text); m.find(); ) {
          deps.add(module(packageOf(m.group(1))));
        }
        for (Matcher m = QUALIFIED.matcher(text); m.find(); ) {
          deps.add(module(m.group(1)));
        }
        deps.remove(self);
      }
    }
  }

  /** The CLI layer (cli and its sub-packages) is one unit on top of everything else. */
  private static String module(String pkg) {
    return pkg.startsWith("io.jmachine.cli.") ? "io.jmachine.cli" : pkg;
  }

  /** An import of a nested type names its outer class: cut back to the package. */
  private static String packageOf(String name) {
    String[] parts = name.split("\\.");
    StringBuilder pkg = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length && Character.isLowerCase(parts[i].charAt(0)); i++) {
      pkg.append('.').append(parts[i]);
    }
    return pkg.toString();
  }

  @Test
  void onlyCliUsesPicocli() {
    GRAPH.forEach(
        (pkg, deps) -> {
          if (!pkg.equals("io.jmachine.cli")) {
            assertThat(deps).as(pkg).noneMatch(d -> d.startsWith("picocli"));
          }
        });
  }

  @Test
  void nothingButTheEntryPointsDependsOnCli() {
    GRAPH.forEach(
        (pkg, deps) -> {
          if (!pkg.equals("io.jmachine.cli") && !pkg.equals("io.jmachine")) {
            assertThat(deps).as(pkg).noneMatch(d -> d.startsWith("io.jmachine.cli"));
          }
        });
  }

  @Test
  void packagesFormNoCycles() {
    for (String start : GRAPH.keySet()) {
      List<String> cycle = cycleFrom(start, start, new ArrayList<>(), new HashSet<>());
      assertThat(cycle).as("cycle through " + start).isEmpty();
    }
  }

  private static List<String> cycleFrom(
      String start, String at, List<String> path, Set<String> seen) {
    for (String next : GRAPH.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(at);
        cycle.add(start);
        return cycle;
      }
      if (next.startsWith("io.jmachine") && seen.add(next)) {
        path.add(at);
        List<String> found = cycleFrom(start, next, path, seen);
        path.remove(path.size() - 1);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return List.of();
  }
}
