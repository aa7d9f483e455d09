package io.jmachine.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bin/docker-machine, run with dash (the /bin/sh of Debian) against an installation laid
 * out as the tarball lays it out: bin/docker-machine and lib/*.jar. The jars are this build's
 * classes and runtime jars (surefire runs before `package`), with picocli as the build rewrites it.
 *
 * <p>What matters most: stdout carries exactly the command's output in every state of the class
 * data sharing archive (none yet, being made, made, corrupt, stale, unusable cache), because {@code
 * eval "$(docker-machine env)"} runs whatever appears there.
 */
class LauncherTest {
  private static final String VERSION_LINE = "docker-machine version 0.16.2, build jmachine\n";
  private static final Duration TRAINING = Duration.ofMinutes(4);

  @TempDir static Path shared;
  private static Path install;
  private static Path launcher;

  /** A cache whose archive was made by a first run, copied by tests that need one. */
  private static Path trained;

  @TempDir Path dir;
  private final List<Path> cachesToSettle = new ArrayList<>();

  @BeforeAll
  static void installAndTrain() throws Exception {
    install = installation(shared.resolve("install"));
    launcher = install.resolve("bin/docker-machine");
    trained = shared.resolve("trained-cache");
    Result first = run(env(trained), "version");
    assertThat(first.out()).isEqualTo(VERSION_LINE);
    awaitArchive(trained);
  }

  /** Background training runs must end before @TempDir cleans up after them. */
  @AfterEach
  void settle() throws Exception {
    for (Path cache : cachesToSettle) {
      awaitNoTraining(cache);
    }
  }

  @Test
  void firstRun_printsOnlyTheVersion_andDoesNotWaitForTheArchive() throws Exception {
    Path cache = dir.resolve("cache");
    cachesToSettle.add(cache);
    // as `eval "$(docker-machine env)"` would: the substitution ends when stdout is closed, which
    // must not wait for the archive being made in the background
    Map<String, String> env = env(cache);
    env.put("LAUNCHER", launcher.toString());
    Result result =
        runCommand(
            List.of(shell(), "-c", "out=$(\"$LAUNCHER\" version); printf '%s\\n' \"$out\""), env);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo(VERSION_LINE);
    assertThat(result.err()).isEmpty();
    assertThat(training(cache)).as("still training when the output was complete").isTrue();
    assertThat(awaitArchive(cache)).startsWith("ok ");
  }

  @Test
  void withTheArchive_ourClassesAndPicocliComeFromIt_andMachineJavaOptsAreHonoured()
      throws Exception {
    Path cache = copyOf(trained);
    Path classLog = dir.resolve("classes.log");
    Map<String, String> env = env(cache);
    env.put("MACHINE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);

    Result result = run(env, "version");

    assertThat(result.out()).isEqualTo(VERSION_LINE);
    assertThat(result.err()).isEmpty();
    assertThat(Files.readString(classLog))
        .contains("io.jmachine.Main source: shared objects file (top)")
        .contains("picocli.CommandLine source: shared objects file (top)");
  }

  @Test
  void machineJavaOpts_comeAfterTheLaunchersFlags_soTheyWin() throws Exception {
    Map<String, String> env = env(copyOf(trained));
    env.put("MACHINE_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4 -Xss2m");

    Result result = run(env, "version");

    assertThat(result.out()).isEqualTo(VERSION_LINE);
    // what the JVM prints goes to stderr, never stdout
    assertThat(result.err())
        .contains("-XX:TieredStopAtLevel=4")
        .contains("-XX:ThreadStackSize=2048")
        .contains("-XX:+UseSerialGC");
  }

  @Test
  void truncatedArchive_isNotUsed_andIsMadeAgain() throws Exception {
    Path cache = copyOf(trained);
    cachesToSettle.add(cache);
    Path archive = archive(cache);
    byte[] whole = Files.readAllBytes(archive);
    archive.toFile().setWritable(true);
    Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));

    Result result = run(env(cache), "version");

    // mapped, a truncated archive crashes the JVM, which then reports on stdout
    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo(VERSION_LINE);
    // made again (training runs differ a little in what they record, so sizes may too)
    assertThat(awaitArchive(cache)).startsWith("ok ");
    assertThat(Files.size(archive)).isGreaterThan(whole.length / 2);
    assertThat(run(env(cache), "version").out()).isEqualTo(VERSION_LINE);
  }

  @Test
  void garbledArchiveOrState_isNotFatal() throws Exception {
    for (String damage : List.of("archive-bytes", "empty-archive", "state")) {
      Path cache = copyOf(trained);
      cachesToSettle.add(cache);
      Path archive = archive(cache);
      archive.toFile().setWritable(true);
      switch (damage) {
        case "archive-bytes" -> {
          // same size, so the launcher's size check passes and the JVM must reject it
          byte[] bytes = Files.readAllBytes(archive);
          for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] ^= 0x5a;
          }
          Files.write(archive, bytes);
        }
        case "empty-archive" -> Files.write(archive, new byte[0]);
        default -> Files.writeString(state(cache), "\u0000garbage\nok 12\n");
      }

      Result result = run(env(cache), "version");

      assertThat(result.exit()).as(damage).isZero();
      assertThat(result.out()).as(damage).isEqualTo(VERSION_LINE);
    }
  }

  @Test
  void twentyConcurrentFirstRuns_allSucceed_andMakeOneArchive() throws Exception {
    Path cache = dir.resolve("cache");
    cachesToSettle.add(cache);
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Path out = dir.resolve("out" + i);
      Path err = dir.resolve("err" + i);
      outputs.add(out);
      ProcessBuilder builder =
          new ProcessBuilder(shell(), launcher.toString(), "version")
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(env(cache));
      processes.add(builder.start());
    }
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(processes.get(i).exitValue()).isZero();
      assertThat(Files.readString(outputs.get(i))).isEqualTo(VERSION_LINE);
    }

    assertThat(awaitArchive(cache)).startsWith("ok ");
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.map(p -> p.getFileName().toString().replaceAll(".*\\.", "")).sorted())
          .containsExactly("jsa", "log", "state");
    }
    assertThat(run(env(cache), "version").out()).isEqualTo(VERSION_LINE);
  }

  @Test
  void changedJars_makeTheArchiveStale_soItIsMadeAgain() throws Exception {
    Path ownInstall = installation(dir.resolve("install"));
    Path ownLauncher = ownInstall.resolve("bin/docker-machine");
    Path cache = dir.resolve("cache");
    cachesToSettle.add(cache);
    run(ownLauncher, env(cache), "version");
    String before = awaitArchive(cache);
    String keyBefore = Files.readAllLines(state(cache)).get(0);

    // a new jar, as an upgrade would bring (tar gives every jar the same fixed time: the
    // launcher goes by change time and size)
    Path extra = ownInstall.resolve("lib/extra.jar");
    jar(dir.resolve("empty-classes"), extra);
    Result result = run(ownLauncher, env(cache), "version");

    assertThat(result.out()).isEqualTo(VERSION_LINE);
    assertThat(awaitArchive(cache)).startsWith("ok ");
    assertThat(Files.readAllLines(state(cache)).get(0))
        .isNotEqualTo(keyBefore)
        .contains("extra.jar");
    assertThat(before).startsWith("ok ");
  }

  @Test
  void unusableCacheDirectory_stillRunsQuietly() throws Exception {
    Map<String, String> noHome = env(null);
    noHome.remove("JMACHINE_CACHE_DIR");
    noHome.put("HOME", "/dev/null"); // ~/.cache cannot be made under a file, not even by root
    Path file = Files.writeString(dir.resolve("a-file"), "");
    Map<String, String> fileCache = env(file);

    for (Map<String, String> env : List.of(noHome, fileCache)) {
      Result result = run(env, "version");

      assertThat(result.exit()).isZero();
      assertThat(result.out()).isEqualTo(VERSION_LINE);
      assertThat(result.err()).isEmpty();
    }
  }

  @Test
  void cdsOff_startsWithoutTouchingTheCache() throws Exception {
    Path cache = dir.resolve("cache");
    Map<String, String> env = env(cache);
    env.put("JMACHINE_CDS", "off");

    assertThat(run(env, "version").out()).isEqualTo(VERSION_LINE);
    assertThat(cache).doesNotExist();
  }

  @Test
  void symlinkedLauncher_findsItsJars_andHintsRepeatTheNameItWasCalledBy() throws Exception {
    Path links = Files.createDirectories(dir.resolve("links"));
    Path absolute = Files.createSymbolicLink(links.resolve("docker-machine"), launcher);
    Path relative = Files.createSymbolicLink(links.resolve("dm"), links.relativize(launcher));
    Map<String, String> env = env(copyOf(trained));

    for (Path link : List.of(absolute, relative)) {
      // docker-machine names itself by the base name it was called by
      assertThat(run(link, env, "version").out())
          .isEqualTo(VERSION_LINE.replace("docker-machine", link.getFileName().toString()));
      Result unknown = run(link, env, "frobnicate");
      assertThat(unknown.exit()).isEqualTo(1);
      assertThat(unknown.out()).isEmpty();
      assertThat(unknown.err()).contains("See '" + link + " --help'");
    }
  }

  @Test
  void relativeInvocation_withCdpathSet_stillFindsTheInstallation() throws Exception {
    Map<String, String> env = env(copyOf(trained));
    env.put("CDPATH", dir.toString());
    Files.createDirectories(dir.resolve("bin"));

    Result result =
        runCommand(List.of(shell(), "bin/docker-machine", "version"), env, install.toFile());

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(VERSION_LINE);
  }

  /**
   * Runtime.exit logs through System.Logger from JDK 21 on, which Main avoids by halting; the exit
   * code and the streams must come through all the same, with the archive made and used.
   */
  @Test
  void newerJava_printsOnlyTheOutput_andExitsWithTheCommandsCode() throws Exception {
    Path jdk = javaNewerThan(20);
    Path cache = dir.resolve("cache");
    cachesToSettle.add(cache);
    Map<String, String> env = env(cache);
    env.put("JAVA_HOME", jdk.toString());
    assertThat(run(env, "version")).isEqualTo(new Result(0, VERSION_LINE, ""));
    awaitArchive(cache);

    Result version = run(env, "version");
    Result unknown = run(env, "frobnicate");

    assertThat(version).isEqualTo(new Result(0, VERSION_LINE, ""));
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err()).contains("'frobnicate' is not a docker-machine command");
  }

  @Test
  void javaHomeWithoutJava_isAClearError() throws Exception {
    Map<String, String> env = env(dir.resolve("cache"));
    env.put("JAVA_HOME", dir.resolve("no-jdk").toString());

    Result result = run(env, "version");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("JAVA_HOME").contains("no-jdk/bin/java");
  }

  // --- an installation: bin/docker-machine and lib/*.jar

  private static Path installation(Path root) throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path lib = Files.createDirectories(root.resolve("lib"));
    Path script = bin.resolve("docker-machine");
    Files.copy(Path.of("bin/docker-machine"), script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    // the archive must be made from jars, not class directories
    jar(Path.of("target/classes"), lib.resolve("docker-machine.jar"));
    Path rewrittenPicocli = rewrittenPicocli();
    for (String entry : System.getProperty("java.class.path").split(":")) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (!name.endsWith(".jar") || testOnly(entry)) {
        continue;
      }
      Path source =
          name.startsWith("picocli-") && rewrittenPicocli != null ? rewrittenPicocli : jar;
      Files.copy(source, lib.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return root;
  }

  /** What the build's picocli-for-cds step made, if it ran (it does, before the tests). */
  private static Path rewrittenPicocli() throws IOException {
    Path dir = Path.of("target/cds");
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("picocli-"))
          .findFirst()
          .orElse(null);
    }
  }

  private static boolean testOnly(String path) {
    return Stream.of(
            "/org/junit/",
            "/org/opentest4j/",
            "/org/apiguardian/",
            "/org/assertj/",
            "/net/bytebuddy/")
        .anyMatch(path::contains);
  }

  private static void jar(Path classes, Path jar) throws IOException {
    Files.createDirectories(classes);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      Files.walkFileTree(
          classes,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              zip.putNextEntry(new JarEntry(classes.relativize(file).toString()));
              Files.copy(file, zip);
              zip.closeEntry();
              return FileVisitResult.CONTINUE;
            }
          });
    }
  }

  // --- the cache

  /** Waits for the background training to end and returns the state: "ok SIZE" or "failed". */
  private static String awaitArchive(Path cache) throws Exception {
    awaitNoTraining(cache);
    List<String> state = Files.readAllLines(state(cache));
    if (state.get(1).startsWith("ok ")) {
      assertThat(Files.size(archive(cache))).isEqualTo(Long.parseLong(state.get(1).substring(3)));
    }
    return state.get(1);
  }

  /** The launcher takes the lock before it returns, so no lock means no training. */
  private static void awaitNoTraining(Path cache) throws Exception {
    Instant deadline = Instant.now().plus(TRAINING);
    while (training(cache)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still training after " + TRAINING + " in " + cache);
      }
      Thread.sleep(200);
    }
  }

  private static boolean training(Path cache) throws IOException {
    return only(cache, ".lock") != null;
  }

  private static Path state(Path cache) throws IOException {
    Path state = only(cache, ".state");
    assertThat(state).as("state file in " + cache).isNotNull();
    return state;
  }

  private static Path archive(Path cache) throws IOException {
    Path archive = only(cache, ".jsa");
    assertThat(archive).as("archive in " + cache).isNotNull();
    return archive;
  }

  private static Path only(Path cache, String suffix) throws IOException {
    if (!Files.isDirectory(cache)) {
      return null;
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .findFirst()
          .orElse(null);
    }
  }

  private Path copyOf(Path cache) throws IOException {
    Path copy = dir.resolve("cache-" + System.nanoTime());
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return copy;
  }

  /** A JDK of /usr/lib/jvm whose feature release is above {@code release}; the test needs one. */
  private static Path javaNewerThan(int release) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    Assumptions.assumeTrue(Files.isDirectory(jvms), "no /usr/lib/jvm");
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path releaseFile = home.resolve("release");
        if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(releaseFile)) {
          for (String line : Files.readAllLines(releaseFile)) {
            if (line.startsWith("JAVA_VERSION=\"")) {
              String version = line.substring("JAVA_VERSION=\"".length());
              int feature = Integer.parseInt(version.split("[.\"]")[0]);
              if (feature > release) {
                return home;
              }
            }
          }
        }
      }
    }
    Assumptions.abort("no JDK newer than " + release + " in " + jvms);
    return null;
  }

  // --- running it

  private static Map<String, String> env(Path cache) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", System.getProperty("java.io.tmpdir"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    if (cache != null) {
      env.put("JMACHINE_CACHE_DIR", cache.toString());
    }
    return env;
  }

  private static String shell() {
    return Files.isExecutable(Path.of("/bin/dash")) ? "/bin/dash" : "/bin/sh";
  }

  record Result(int exit, String out, String err) {}

  private static Result run(Map<String, String> env, String... args) throws Exception {
    return run(launcher, env, args);
  }

  private static Result run(Path script, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(shell(), script.toString()));
    command.addAll(List.of(args));
    return runCommand(command, env);
  }

  private static Result runCommand(List<String> command, Map<String, String> env) throws Exception {
    return runCommand(command, env, null);
  }

  private static Result runCommand(
      List<String> command, Map<String, String> env, java.io.File workingDirectory)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    // pipes, as a command substitution reads them: both must reach end of file
    var out = readAll(process.getInputStream());
    var err = readAll(process.getErrorStream());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  private static java.util.concurrent.CompletableFuture<String> readAll(java.io.InputStream in) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
