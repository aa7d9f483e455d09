package io.jmachine.testhost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Whether this machine can run test hosts; if not, skips the tests, or fails them in CI. */
final class Availability {

  static final List<String> REQUIRED_TOOLS =
      List.of(
          "systemd-nspawn",
          "debootstrap",
          "ip",
          "iptables",
          "nsenter",
          "ssh",
          "ssh-keygen",
          "flock",
          "findmnt",
          "pgrep");

  private Availability() {}

  static void requireTestHosts() {
    String path = System.getenv().getOrDefault("PATH", "") + ":" + HostScripts.SBIN_DIRS;
    requireOrSkip(missingPrerequisite(effectiveUid(), tool -> onPath(tool, path)), System.getenv());
  }

  /** Why test hosts cannot run here, if they cannot. */
  static Optional<String> missingPrerequisite(Optional<Integer> uid, Predicate<String> installed) {
    if (uid.isEmpty()) {
      return Optional.of("test hosts need Linux");
    }
    if (uid.get() != 0) {
      return Optional.of("test hosts need root (systemd-nspawn, network namespaces)");
    }
    List<String> missing = REQUIRED_TOOLS.stream().filter(installed.negate()).toList();
    if (!missing.isEmpty()) {
      return Optional.of(
          "test hosts need " + String.join(", ", missing) + ": run testhost/ci-setup.sh as root");
    }
    return Optional.empty();
  }

  /** A silent skip in CI would hide that nothing was tested, so there it is a failure. */
  static void requireOrSkip(Optional<String> missingPrerequisite, Map<String, String> environment) {
    if (missingPrerequisite.isEmpty()) {
      return;
    }
    if ("true".equalsIgnoreCase(environment.get("CI"))) {
      Assertions.fail(missingPrerequisite.get() + " (CI=true, so this fails instead of skipping)");
    }
    Assumptions.abort(missingPrerequisite.get());
  }

  private static Optional<Integer> effectiveUid() {
    try {
      // /proc/self belongs to the process's effective user
      return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static boolean onPath(String tool, String path) {
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
