package io.jmachine.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The processes above this one, nearest first, as far as shell detection needs to know them. */
@FunctionalInterface
public interface ProcessAncestry {
  /** No ancestors known: detection falls back to $SHELL. */
  ProcessAncestry NONE = max -> List.of();

  /** Up to {@code max} ancestors, the parent first. */
  List<Ancestor> nearest(int max);

  /**
   * One ancestor process.
   *
   * @param executable the base name of its executable ("" when unreadable)
   * @param name the name the system shows for it (Linux: /proc/PID/comm, which a shell started as
   *     `sh` through a busybox link or as a login shell `-bash` still reports usefully; "" else)
   */
  record Ancestor(String executable, String name) {}

  static ProcessAncestry of(List<Ancestor> ancestors) {
    return max -> ancestors.subList(0, Math.min(max, ancestors.size()));
  }

  /** This process's real ancestors, read through ProcessHandle (and /proc where there is one). */
  static ProcessAncestry current() {
    return max -> {
      List<Ancestor> found = new ArrayList<>();
      Optional<ProcessHandle> next = ProcessHandle.current().parent();
      while (next.isPresent() && found.size() < max) {
        ProcessHandle process = next.get();
        String executable = process.info().command().map(ProcessAncestry::baseName).orElse("");
        found.add(new Ancestor(executable, comm(process.pid())));
        next = process.parent();
      }
      return found;
    };
  }

  private static String comm(long pid) {
    Path comm = Path.of("/proc", Long.toString(pid), "comm");
    try {
      return Files.readString(comm, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The last element of a Unix or Windows path. */
  static String baseName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }
}
