package io.jmachine.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real programs the end-to-end tests drive, and the jmachine command as a real process. */
final class Tools {
  private Tools() {}

  /** Skips when a tool is missing, except in CI, where a missing tool is a failure. */
  static void require(boolean present, String reason) {
    if ("true".equals(System.getenv("CI"))) {
      if (!present) {
        throw new IllegalStateException("CI must run this test, but: " + reason);
      }
      return;
    }
    assumeTrue(present, reason);
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", program));
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** A `docker-machine` script that runs this build's classes, as the launcher would. */
  static Path dockerMachineScript(Path dir) throws IOException {
    Path script = dir.resolve("docker-machine");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        script,
        "#!/bin/sh\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
            + System.getProperty("java.class.path")
            + "' io.jmachine.Main \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  record Result(int exit, String out, String err) {}

  static Result run(List<String> command, Path dir, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    return run(command, dir, env, 120);
  }

  static Result run(
      List<String> command, Path dir, java.util.Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
