package io.jmachine.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real shells for the tests: finding them, a `docker-machine` command, a clean environment. */
public final class ShellTools {
  private ShellTools() {}

  /** The checked-in scripts: completion/ at the top of the project. */
  public static Path completionDir() {
    return Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath()
        .normalize()
        .resolve("completion");
  }

  /** Skips when a program is missing, except in CI, where a missing program is a failure. */
  public static void require(String... programs) {
    for (String program : programs) {
      boolean present = onPath(program);
      if ("true".equals(System.getenv("CI"))) {
        if (!present) {
          throw new IllegalStateException("CI must run this test, but " + program + " is missing");
        }
      } else {
        assumeTrue(present, program + " is not installed");
      }
    }
  }

  public static void requireFile(Path file) {
    if ("true".equals(System.getenv("CI")) && !Files.exists(file)) {
      throw new IllegalStateException("CI must run this test, but " + file + " is missing");
    }
    assumeTrue(Files.exists(file), file + " is missing");
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A `docker-machine` command in {@code bin} that runs this build's classes, as the launcher would
   * (exec, so the calling shell stays its parent process).
   */
  public static Path dockerMachineScript(Path bin) throws IOException {
    Files.createDirectories(bin);
    Path script = bin.resolve("docker-machine");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        script,
        "#!/bin/sh\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '"
            + System.getProperty("java.class.path")
            + "' io.jmachine.Main \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** A minimal environment: HOME, a PATH starting with {@code bin}, a UTF-8 locale. */
  public static Map<String, String> environment(Path home, Path bin) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("TERM", "xterm-256color");
    env.put("USER", "tester");
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    return env;
  }

  public record Result(int exit, String out, String err) {}

  /** Runs a program with exactly {@code env}, stdin from /dev/null. */
  public static Result run(List<String> command, Map<String, String> env, Path dir)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = Files.createTempFile("shell-out", ".txt");
    Path err = Files.createTempFile("shell-err", ".txt");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
