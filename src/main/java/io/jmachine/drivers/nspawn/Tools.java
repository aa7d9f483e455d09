package io.jmachine.drivers.nspawn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the host programs the driver runs. The sbin directories are searched too: a root shell
 * started with `su` or by a service manager often lacks them on its PATH.
 */
final class Tools {
  static final String SBIN_DIRS = "/usr/local/sbin:/usr/sbin:/sbin";

  private final List<Path> dirs;

  /** Looks in {@code path}, then in the sbin and bin directories. */
  Tools(String path) {
    this(withStandardDirs(path));
  }

  /** Looks in exactly {@code dirs}. */
  Tools(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  private static List<Path> withStandardDirs(String path) {
    Set<String> unique = new LinkedHashSet<>();
    for (String dir : (path + ":" + SBIN_DIRS + ":/usr/local/bin:/usr/bin:/bin").split(":")) {
      if (!dir.isEmpty()) {
        unique.add(dir);
      }
    }
    List<Path> list = new ArrayList<>();
    unique.forEach(d -> list.add(Path.of(d)));
    return list;
  }

  /** The PATH handed to the programs we run, sbin included. */
  String searchPath() {
    return String.join(":", dirs.stream().map(Path::toString).toList());
  }

  Optional<Path> find(String tool) {
    if (tool.contains("/")) {
      Path p = Path.of(tool);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir : dirs) {
      Path candidate = dir.resolve(tool);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The tools of {@code wanted} that are not installed, in order. */
  List<String> missing(List<String> wanted) {
    return wanted.stream().filter(t -> find(t).isEmpty()).toList();
  }
}
