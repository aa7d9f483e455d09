package io.jmachine.drivers.nspawn;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.host.Host;
import io.jmachine.host.HostOptions;
import io.jmachine.store.FileMachineStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Real nspawn machines for tests: root, the host's tools, a base image built once and shared by
 * every test store (a symlink in each store's cache), stores under one folder per test JVM, and a
 * sweep that removes the machines of test JVMs that died before their teardown (machines run
 * detached, so nothing else would end them).
 */
final class NspawnTestSupport {
  /** The test hosts' harness owns 198.51.100.0/25 (bridge jmth0); machines take the upper half. */
  static final String SUBNET = "198.51.100.128/25";

  static final Path RUNS = Path.of("/tmp/jmachine-nspawn-tests");
  static final Path SHARED_IMAGES =
      Path.of(
          System.getenv()
              .getOrDefault("JMACHINE_NSPAWN_TEST_CACHE", "/var/cache/jmachine-nspawn-test"));

  private static final AtomicInteger STORES = new AtomicInteger();

  private NspawnTestSupport() {}

  static String path() {
    return System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
  }

  static NspawnHost host() {
    return NspawnHost.real(line -> {}, path());
  }

  static NspawnDriverFactory factory() {
    return new NspawnDriverFactory(host());
  }

  /** Skips without root or the tools (in CI, where everything must run, it fails instead). */
  static void requireMachines() {
    List<String> problems = new ArrayList<>();
    if (Prerequisites.effectiveUid().orElse(-1) != 0) {
      problems.add("nspawn machines need root");
    }
    Tools tools = new Tools(path());
    List<String> wanted = new ArrayList<>(Prerequisites.RUNTIME_TOOLS.keySet());
    wanted.addAll(List.of("debootstrap", "ssh", "bash"));
    List<String> missing = tools.missing(wanted);
    if (!missing.isEmpty()) {
      problems.add("missing " + String.join(", ", missing));
    }
    String reason = String.join("; ", problems);
    if ("true".equalsIgnoreCase(System.getenv("CI")) && !problems.isEmpty()) {
      throw new IllegalStateException("CI must run the nspawn tests, but: " + reason);
    }
    assumeTrue(problems.isEmpty(), reason);
  }

  static String suite() {
    return HostDefaults.host().suite();
  }

  /** The shared image, built by the driver's own image cache the first time (a minute or two). */
  static synchronized void ensureSharedImage() {
    String suite = suite();
    host().images(SHARED_IMAGES).ensure(suite, HostDefaults.host().mirror(suite));
  }

  /** This JVM's folder of test stores: "PID STARTTIME" names its owner. */
  static Path runDir() {
    ProcessIdentity self = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();
    return RUNS.resolve(self.pid() + "-" + self.startTime());
  }

  /** A fresh store whose image cache is the shared image. */
  static Path newStore() throws IOException {
    sweepDeadRuns();
    ensureSharedImage();
    Path store = runDir().resolve("s" + STORES.incrementAndGet());
    Files.createDirectories(store.resolve("cache/nspawn"));
    Files.createSymbolicLink(
        store.resolve("cache/nspawn").resolve(suite()),
        SHARED_IMAGES.resolve("cache/nspawn").resolve(suite()));
    return store;
  }

  /** Removes the machines and stores of test JVMs that are gone. */
  static synchronized void sweepDeadRuns() {
    if (!Files.isDirectory(RUNS)) {
      return;
    }
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(RUNS)) {
      for (Path run : runs) {
        String[] owner = run.getFileName().toString().split("-");
        boolean alive =
            owner.length == 2
                && new ProcessIdentity(Long.parseLong(owner[0]), Long.parseLong(owner[1])).alive();
        if (!alive) {
          removeRun(run);
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot sweep " + RUNS, e);
    }
  }

  private static void removeRun(Path run) throws IOException {
    try (DirectoryStream<Path> stores = Files.newDirectoryStream(run)) {
      for (Path store : stores) {
        removeStore(store);
      }
    }
    Files.deleteIfExists(run);
  }

  /** Removes every machine of {@code store} (as rm does), then the store. */
  static void removeStore(Path store) {
    if (!Files.isDirectory(store)) {
      return;
    }
    FileMachineStore machines = new FileMachineStore(store, new DriverRegistry(List.of(factory())));
    List<String> failures = new ArrayList<>();
    for (String name : machines.names()) {
      try {
        Host host = machines.load(name);
        host.driver().remove();
      } catch (RuntimeException e) {
        failures.add(name + ": " + e.getMessage());
      }
    }
    host().images(store).removeTree(store);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("cannot remove test machines: " + failures);
    }
  }

  /** Options as create would pass them: the test subnet unless {@code overrides} says else. */
  static DriverOptions options(Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>();
    values.put("nspawn-subnet", SUBNET);
    values.put("nspawn-suite", suite());
    values.put("nspawn-mirror", "");
    values.put("nspawn-memory", 0);
    values.put("nspawn-cpu-count", 0);
    values.put("nspawn-bind", List.of());
    values.put("swarm-master", false);
    values.put("swarm-host", "");
    values.put("swarm-discovery", "");
    values.putAll(overrides);
    return new DriverOptions(values);
  }

  /**
   * Runs the driver's create steps the way MachineApi does (folder claimed, config saved first)
   * without provisioning.
   */
  static Driver createMachine(Path store, String name, Map<String, Object> overrides) {
    FileMachineStore machines = new FileMachineStore(store, new DriverRegistry(List.of(factory())));
    machines.claim(name);
    Driver driver = factory().newDriver(name, store.toString());
    Host host = new Host(name, driver, "nspawn", HostOptions.fromJson(Map.of()));
    driver.setConfigFromFlags(options(overrides));
    machines.save(host);
    driver.preCreateCheck();
    try {
      driver.create();
    } finally {
      machines.save(host);
    }
    return driver;
  }

  /** The machine as a later command sees it: loaded from its config.json. */
  static Driver load(Path store, String name) {
    return new FileMachineStore(store, new DriverRegistry(List.of(factory()))).load(name).driver();
  }

  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Result run(List<String> command, Duration timeout) {
    return run(command, Map.of(), timeout);
  }

  static Result run(List<String> command, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PATH", new Tools(path()).searchPath());
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process process = builder.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread a = drain(process.getInputStream(), out);
      Thread b = drain(process.getErrorStream(), err);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(command + " timed out after " + timeout);
      }
      a.join(5000);
      b.join(5000);
      return new Result(
          process.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                in.transferTo(sink);
              } catch (IOException e) {
                // the process is gone
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A command over SSH as root, with the machine's key and the real OpenSSH client. */
  static Result ssh(Driver driver, String command) {
    return run(
        List.of(
            "ssh",
            "-F",
            "/dev/null",
            "-i",
            driver.sshKeyPath(),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=5",
            "-p",
            Integer.toString(driver.sshPort()),
            driver.sshUsername() + "@" + driver.sshHostname(),
            command),
        Duration.ofSeconds(60));
  }

  /**
   * What the machine at {@code ip} of {@code store} has on the host, each thing named with its
   * identity (inode, ifindex, process start time): other test JVMs on this host may create a
   * machine at the same address the moment this one frees it, and theirs must not count.
   */
  static List<String> footprint(Path store, String name, String ip) {
    List<String> things = new ArrayList<>();
    String tag = HostNetwork.tag((int) Ipv4Subnet.parseAddress(ip));
    identity(Path.of("/run/netns", tag), "unix:ino")
        .ifPresent(id -> things.add("network namespace " + tag + " inode " + id));
    identity(Path.of("/sys/class/net", tag), null)
        .ifPresent(id -> things.add("veth " + tag + " ifindex " + id));
    Cgroups cgroups = Cgroups.host();
    for (Path group : cgroups.groups(tag)) {
      identity(group, "unix:ino").ifPresent(id -> things.add("cgroup " + group + " inode " + id));
    }
    for (long pid : cgroups.processes(tag)) {
      ProcessIdentity.of(pid).ifPresent(p -> things.add("process " + p));
    }
    identity(Path.of("/run/systemd/nspawn/propagate", tag), "unix:ino")
        .ifPresent(id -> things.add("/run/systemd/nspawn/propagate/" + tag + " inode " + id));
    Path machineDir = store.resolve("machines").resolve(name);
    try {
      for (Path mount : Mounts.mountPoints(Files.readString(Path.of("/proc/self/mountinfo")))) {
        if (mount.startsWith(machineDir)) {
          things.add("mount " + mount);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    processesMentioning(machineDir.toString()).forEach(p -> things.add("process " + p));
    if (Files.exists(store.resolve("nspawn/leases").resolve(ip))) {
      things.add("lease " + ip);
    }
    if (Files.exists(machineDir.resolve("nspawn"))) {
      things.add("folder " + machineDir.resolve("nspawn"));
    }
    return things;
  }

  /** What of {@code before} (a footprint) is still there. */
  static List<String> leftovers(Path store, String name, String ip, List<String> before) {
    List<String> now = footprint(store, name, ip);
    return before.stream().filter(now::contains).toList();
  }

  private static Optional<String> identity(Path path, String attribute) {
    try {
      if (attribute == null) {
        return Optional.of(Files.readString(path.resolve("ifindex")).strip());
      }
      return Optional.of(String.valueOf(Files.getAttribute(path, attribute)));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Processes whose command line names {@code text} (a supervisor, an nspawn). */
  static List<String> processesMentioning(String text) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline =
              new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                  .replace('\0', ' ');
          if (cmdline.contains(text)) {
            found.add(proc.getFileName() + " " + cmdline.strip());
          }
        } catch (IOException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  static Optional<ProcessIdentity> supervisorOf(Path store, String name) {
    return ProcessIdentity.read(
        store.resolve("machines").resolve(name).resolve("nspawn/supervisor.pid"));
  }
}
