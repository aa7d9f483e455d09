package io.jmachine.drivers.nspawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The cgroups of one machine. Without systemd on the host, systemd-nspawn creates its "payload" and
 * "supervisor" groups below the group it was started from, so every machine's supervisor first
 * moves into its own group (jmachine-nspawn/TAG) of the hierarchies nspawn uses: on a hybrid host
 * name=systemd and the unified tree, on a pure cgroup2 host the root. The same groups find every
 * process of a machine (also ones whose pid was never recorded) for kill, stop and rm. Memory and
 * CPU limits go on the memory and cpu controllers: the v1 hierarchies on a hybrid host (the
 * machine's processes inherit that membership), the cgroup2 controllers on a unified host.
 */
final class Cgroups {
  static final String PARENT = "jmachine-nspawn";
  private static final long CPU_PERIOD_US = 100_000;

  private final Path root;

  Cgroups(Path root) {
    this.root = root;
  }

  static Cgroups host() {
    return new Cgroups(Path.of("/sys/fs/cgroup"));
  }

  private boolean unifiedOnly() {
    return Files.exists(root.resolve("cgroup.controllers"));
  }

  /** The hierarchies nspawn creates its groups in. */
  List<Path> trackingRoots() {
    if (unifiedOnly()) {
      return List.of(root);
    }
    List<Path> roots = new ArrayList<>();
    for (String name : List.of("systemd", "unified")) {
      if (Files.isDirectory(root.resolve(name))
          && Files.exists(root.resolve(name).resolve("cgroup.procs"))) {
        roots.add(root.resolve(name));
      }
    }
    return roots;
  }

  private Optional<Path> v1Controller(String name, String probeFile) {
    if (unifiedOnly()) {
      return Optional.empty();
    }
    for (String dir : List.of(name, name + ",cpuacct", "cpuacct," + name)) {
      if (Files.exists(root.resolve(dir).resolve(probeFile))) {
        return Optional.of(root.resolve(dir));
      }
    }
    return Optional.empty();
  }

  private boolean unifiedController(String name) {
    try {
      return unifiedOnly()
          && List.of(Files.readString(root.resolve("cgroup.controllers")).strip().split(" "))
              .contains(name);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether a memory limit can be set on this host, and how. */
  Optional<String> memoryLimitSupport() {
    if (unifiedController("memory")) {
      return Optional.of("cgroup2 memory.max");
    }
    return v1Controller("memory", "memory.limit_in_bytes")
        .map(p -> "cgroup v1 memory.limit_in_bytes");
  }

  Optional<String> cpuLimitSupport() {
    if (unifiedController("cpu")) {
      return Optional.of("cgroup2 cpu.max");
    }
    return v1Controller("cpu", "cpu.cfs_quota_us").map(p -> "cgroup v1 cpu.cfs_quota_us");
  }

  private static String group(String tag) {
    return PARENT + "/" + tag;
  }

  /** Every group directory of the machine, existing or not: tracking ones and limit ones. */
  List<Path> groups(String tag) {
    List<Path> dirs = new ArrayList<>();
    trackingRoots().forEach(r -> dirs.add(r.resolve(group(tag))));
    v1Controller("memory", "memory.limit_in_bytes").ifPresent(r -> dirs.add(r.resolve(group(tag))));
    v1Controller("cpu", "cpu.cfs_quota_us").ifPresent(r -> dirs.add(r.resolve(group(tag))));
    return dirs;
  }

  /**
   * Creates the machine's groups with its limits (0 = none) and returns the directories the
   * supervisor must join.
   */
  List<Path> prepare(String tag, int memoryMb, int cpus) {
    List<Path> join = new ArrayList<>();
    try {
      for (Path r : trackingRoots()) {
        Path dir = r.resolve(group(tag));
        Files.createDirectories(dir);
        join.add(dir);
      }
      if (unifiedOnly() && (memoryMb > 0 || cpus > 0)) {
        String wanted = (memoryMb > 0 ? "+memory " : "") + (cpus > 0 ? "+cpu" : "");
        write(root.resolve("cgroup.subtree_control"), wanted.strip());
        write(root.resolve(PARENT).resolve("cgroup.subtree_control"), wanted.strip());
        Path dir = root.resolve(group(tag));
        if (memoryMb > 0) {
          write(dir.resolve("memory.max"), Long.toString(memoryMb * 1024L * 1024L));
        }
        if (cpus > 0) {
          write(dir.resolve("cpu.max"), cpus * CPU_PERIOD_US + " " + CPU_PERIOD_US);
        }
        return join;
      }
      if (memoryMb > 0) {
        Path controller =
            v1Controller("memory", "memory.limit_in_bytes")
                .orElseThrow(() -> new NspawnException(noController("memory")));
        Path dir = controller.resolve(group(tag));
        Files.createDirectories(dir);
        write(dir.resolve("memory.limit_in_bytes"), Long.toString(memoryMb * 1024L * 1024L));
        join.add(dir);
      }
      if (cpus > 0) {
        Path controller =
            v1Controller("cpu", "cpu.cfs_quota_us")
                .orElseThrow(() -> new NspawnException(noController("cpu")));
        Path dir = controller.resolve(group(tag));
        Files.createDirectories(dir);
        write(dir.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_US));
        write(dir.resolve("cpu.cfs_quota_us"), Long.toString(cpus * CPU_PERIOD_US));
        join.add(dir);
      }
    } catch (IOException e) {
      throw new NspawnException("cannot set up the cgroups of the machine: " + e.getMessage(), e);
    }
    return join;
  }

  private static String noController(String name) {
    return "this kernel offers no "
        + name
        + " cgroup controller, so --nspawn-"
        + (name.equals("cpu") ? "cpu-count" : "memory")
        + " cannot be applied; leave it at 0";
  }

  private static void write(Path file, String value) throws IOException {
    Files.writeString(file, value, StandardCharsets.US_ASCII);
  }

  /** Every process in any of the machine's groups (and their subgroups). */
  List<Long> processes(String tag) {
    TreeSet<Long> pids = new TreeSet<>();
    for (Path dir : groups(tag)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path procs : files.filter(p -> p.endsWith("cgroup.procs")).toList()) {
          for (String line : readLines(procs)) {
            if (!line.isBlank()) {
              pids.add(Long.parseLong(line.strip()));
            }
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // a subgroup went away while we read: the next look sees the current set
      }
    }
    return List.copyOf(pids);
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** SIGKILLs every process of the machine until none is left. */
  void killAll(String tag) {
    for (int attempt = 0; attempt < 200; attempt++) {
      List<Long> pids = processes(tag);
      if (pids.isEmpty()) {
        return;
      }
      for (Path dir : groups(tag)) {
        Path kill = dir.resolve("cgroup.kill");
        if (Files.exists(kill)) {
          try {
            write(kill, "1");
          } catch (IOException e) {
            // older kernels: the per-process kills below do it
          }
        }
      }
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      sleep(50);
    }
    throw new NspawnException(
        "processes of the machine survive SIGKILL: " + processes(tag) + "; try again");
  }

  /** Removes the machine's groups, and the shared parent once no machine uses it. */
  void remove(String tag) {
    for (Path dir : groups(tag)) {
      removeTree(dir);
      try {
        Files.deleteIfExists(dir.getParent());
      } catch (IOException e) {
        // another machine still has its groups there
      }
    }
  }

  private static void removeTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (int attempt = 0; attempt < 50; attempt++) {
      try (Stream<Path> walk = Files.walk(dir)) {
        List<Path> dirs =
            walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        for (Path d : dirs) {
          Files.deleteIfExists(d);
        }
        return;
      } catch (IOException | java.io.UncheckedIOException e) {
        sleep(50); // a group empties a moment after its last process is reaped
      }
    }
    throw new NspawnException("cannot remove cgroup " + dir + ": it is still in use");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NspawnException("interrupted", e);
    }
  }
}
