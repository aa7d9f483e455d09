package io.jmachine.drivers.nspawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The host's mount table (/proc/self/mountinfo), and unmounting below a directory. */
final class Mounts {
  private static final Duration UMOUNT_TIMEOUT = Duration.ofSeconds(30);
  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private final Commands commands;

  Mounts(Commands commands) {
    this.commands = commands;
  }

  /** Every mount point, in mount order. */
  static List<Path> mountPoints(String mountinfo) {
    List<Path> points = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      String[] fields = line.split(" ");
      if (fields.length > 4) {
        points.add(Path.of(unescape(fields[4])));
      }
    }
    return points;
  }

  /** mountinfo writes space, tab, newline and backslash as \ooo octal escapes. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  List<Path> current() {
    try {
      return mountPoints(Files.readString(MOUNTINFO));
    } catch (IOException e) {
      throw new NspawnException("cannot read " + MOUNTINFO + ": " + e.getMessage(), e);
    }
  }

  boolean isMountPoint(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    return current().contains(target);
  }

  /** Mount points at or below {@code dir}, deepest first. */
  List<Path> below(Path dir) {
    Path base = dir.toAbsolutePath().normalize();
    return current().stream()
        .filter(p -> p.startsWith(base))
        .distinct()
        .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
        .toList();
  }

  void unmount(Path point) {
    Commands.Result result = commands.run(List.of("umount", point.toString()), UMOUNT_TIMEOUT);
    if (!result.ok() && isMountPoint(point)) {
      // busy (a shell sitting in it): detach it now, the kernel finishes when it is let go
      commands.check(
          "cannot unmount " + point, List.of("umount", "-l", point.toString()), UMOUNT_TIMEOUT);
    }
  }

  /** Unmounts everything at or below {@code dir}, so that deleting it cannot reach beyond it. */
  void unmountBelow(Path dir) {
    for (int round = 0; round < 5; round++) {
      List<Path> points = below(dir);
      if (points.isEmpty()) {
        return;
      }
      points.forEach(this::unmount);
    }
    List<Path> left = below(dir);
    if (!left.isEmpty()) {
      throw new NspawnException("cannot unmount " + left.get(0));
    }
  }
}
