package io.jmachine.drivers.nspawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "PID STARTTIME": names a process even after its pid is reused, so that a stale pid file never
 * makes us signal a stranger. A zombie counts as gone.
 */
record ProcessIdentity(long pid, long startTime) {

  /** The identity of the live process {@code pid}, if there is one. */
  static Optional<ProcessIdentity> of(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException e) {
      return Optional.empty();
    }
    // the command name in parentheses may hold spaces: count fields after the last ')'
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    if (fields.length < 20 || fields[0].equals("Z") || fields[0].equals("X")) {
      return Optional.empty();
    }
    return Optional.of(new ProcessIdentity(pid, Long.parseLong(fields[19])));
  }

  static Optional<ProcessIdentity> parse(String text) {
    String[] parts = text.strip().split(" ");
    try {
      return parts.length == 2
          ? Optional.of(new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1])))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<ProcessIdentity> read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  boolean alive() {
    return of(pid).filter(this::equals).isPresent();
  }

  boolean signal(boolean kill) {
    if (!alive()) {
      return false;
    }
    return ProcessHandle.of(pid).map(h -> kill ? h.destroyForcibly() : h.destroy()).orElse(false);
  }

  @Override
  public String toString() {
    return pid + " " + startTime;
  }
}
