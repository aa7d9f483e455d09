package io.jmachine.testhost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell scripts in {@code testhost/} that do the real work; this class only calls them. Their
 * header comments document each one.
 */
final class HostScripts {

  static final String DEFAULT_CACHE = "/var/cache/jmachine-testhost";
  static final String DEFAULT_RUN = "/tmp/jmachine-testhost";

  /** The tools' usual home is sbin, which a non-login PATH may lack. */
  static final String SBIN_DIRS = "/usr/local/sbin:/usr/sbin:/sbin";

  // up.sh gives up after 60 s without SSH; this only catches a hung script
  private static final Duration UP_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

  private final Path dir;
  private final Path cacheDir;
  private final ProcessRunner runner;

  private HostScripts(Path dir, Path cacheDir, ProcessRunner runner) {
    this.dir = dir;
    this.cacheDir = cacheDir;
    this.runner = runner;
  }

  /**
   * The scripts of the project under test (system property {@code jmachine.testhost.scripts},
   * default {@code testhost/} in the working directory, which is the project's under Maven),
   * honouring {@code TESTHOST_CACHE} and {@code TESTHOST_RUN} like the scripts do.
   */
  static HostScripts fromEnvironment() {
    Path dir =
        Path.of(System.getProperty("jmachine.testhost.scripts", "testhost")).toAbsolutePath();
    if (!Files.isExecutable(dir.resolve("up.sh"))) {
      throw new IllegalStateException(
          "test-host scripts not found in "
              + dir
              + "; run the tests from the project root or set -Djmachine.testhost.scripts");
    }
    Path cacheDir = Path.of(System.getenv().getOrDefault("TESTHOST_CACHE", DEFAULT_CACHE));
    Map<String, String> environment = new HashMap<>();
    environment.put(
        "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":" + SBIN_DIRS);
    // lets a later up.sh reclaim our hosts should this JVM die without tearing them down
    environment.put("TESTHOST_OWNER_PID", Long.toString(ProcessHandle.current().pid()));
    return new HostScripts(dir, cacheDir, new ProcessRunner(environment));
  }

  Path cacheDir() {
    return cacheDir;
  }

  /** Where the scripts keep the hosts' disks, pids and address leases. */
  static Path runDir() {
    return Path.of(System.getenv().getOrDefault("TESTHOST_RUN", DEFAULT_RUN));
  }

  ProcessRunner runner() {
    return runner;
  }

  boolean imageCached(boolean docker) {
    return Files.isDirectory(cacheDir.resolve("bookworm"))
        && Files.isRegularFile(cacheDir.resolve("id_ed25519"))
        && Files.isRegularFile(cacheDir.resolve("id_rsa"))
        && (!docker || Files.isDirectory(cacheDir.resolve("layer-docker")));
  }

  void buildImage(boolean docker) {
    List<String> command = new ArrayList<>(List.of(script("build-image.sh")));
    if (docker) {
      command.add("--docker");
    }
    CommandResult result = runner.run(command, BUILD_TIMEOUT);
    if (!result.succeeded()) {
      throw new IllegalStateException(
          "building the test-host image failed:\n" + lastLines(result.stdout() + result.stderr()));
    }
  }

  /** Boots host {@code name} on a free address and returns that address. */
  String up(String name, boolean docker) {
    List<String> command = new ArrayList<>(List.of(script("up.sh"), name, "auto"));
    if (docker) {
      command.add("--docker");
    }
    String[] nameAndIp = run(command, UP_TIMEOUT).stdout().strip().split(" ");
    return nameAndIp[nameAndIp.length - 1];
  }

  void down(String name) {
    run(List.of(script("down.sh"), name), DOWN_TIMEOUT);
  }

  void stop(String name) {
    run(List.of(script("stop.sh"), name), DOWN_TIMEOUT);
  }

  void kill(String name) {
    run(List.of(script("stop.sh"), name, "--kill"), DOWN_TIMEOUT);
  }

  /** "running", "stopped" or "absent". */
  String status(String name) {
    return run(List.of(script("status.sh"), name), DOWN_TIMEOUT).stdout().strip();
  }

  CommandResult exec(String name, List<String> command, Duration timeout) {
    List<String> line = new ArrayList<>(List.of(script("exec.sh"), name));
    line.addAll(command);
    return runner.run(line, timeout);
  }

  /** Removes the shared bridge unless another test run still has hosts on it. */
  void netDown() {
    run(List.of(script("net.sh"), "down"), DOWN_TIMEOUT);
  }

  private CommandResult run(List<String> command, Duration timeout) {
    return runner.run(command, timeout).orThrow(String.join(" ", command));
  }

  private String script(String name) {
    return dir.resolve(name).toString();
  }

  private static String lastLines(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
