package io.jmachine.gob;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Go programs of src/test/go (the gob fixture and the test driver plugin), built with Go's
 * standard library only, offline, once per test run into target/go-fixtures.
 */
public final class GoFixtures {
  private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path OUT = BASE.resolve("target/go-fixtures");
  private static Path bin;

  private GoFixtures() {}

  /** The built program; skips without Go, except in CI, where a missing Go is a failure. */
  public static synchronized Path binary(String name) {
    if (bin == null) {
      bin = build();
    }
    return bin.resolve(name);
  }

  private static Path build() {
    Path go = findGo();
    if ("true".equals(System.getenv("CI"))) {
      if (go == null) {
        throw new IllegalStateException("CI must run this test, but go is missing");
      }
    } else {
      assumeTrue(go != null, "go is not installed");
    }
    Path target = OUT.resolve("bin");
    try {
      Files.createDirectories(target);
      ProcessBuilder pb =
          new ProcessBuilder(go.toString(), "build", "-o", target + "/", "./cmd/...")
              .directory(BASE.resolve("src/test/go").toFile())
              .redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put("GOFLAGS", "-mod=mod");
      env.put("GOPROXY", "off");
      env.put("GO111MODULE", "on");
      env.put("GOCACHE", OUT.resolve("cache").toString());
      env.put("GOPATH", OUT.resolve("gopath").toString());
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("go build failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return target;
  }

  private static Path findGo() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(dir, "go");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Runs the gob fixture with the given stdin and returns its stdout; fails on a non-zero exit. */
  public static byte[] gobFixture(List<String> args, byte[] stdin) {
    try {
      List<String> command = new java.util.ArrayList<>();
      command.add(binary("gobfixture").toString());
      command.addAll(args);
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().write(stdin);
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("gobfixture " + args + " failed: " + err);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
