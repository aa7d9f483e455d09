package io.jmachine.drivers.nspawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** What the driver needs from the host: Linux, root, and its programs. */
final class Prerequisites {
  /** The programs the driver runs, with the Debian package of each. */
  static final Map<String, String> RUNTIME_TOOLS = tools();

  static final String DEBOOTSTRAP = "debootstrap";

  private static Map<String, String> tools() {
    Map<String, String> tools = new LinkedHashMap<>();
    tools.put("systemd-nspawn", "systemd-container");
    tools.put("ip", "iproute2");
    tools.put("iptables", "iptables");
    tools.put("flock", "util-linux");
    tools.put("setsid", "util-linux");
    tools.put("mount", "mount");
    tools.put("umount", "mount");
    return tools;
  }

  private Prerequisites() {}

  /** The effective uid of this process, if the OS tells (Linux: owner of /proc/self). */
  static OptionalInt effectiveUid() {
    try {
      return OptionalInt.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return OptionalInt.empty();
    }
  }

  /** Fails unless this is Linux and we are root. */
  static void requireRoot(String osName, OptionalInt uid) {
    if (!osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux") || uid.isEmpty()) {
      throw new NspawnException(
          "the nspawn driver runs machines with systemd-nspawn, which needs Linux; this is "
              + osName);
    }
    if (uid.getAsInt() != 0) {
      throw new NspawnException(
          "the nspawn driver needs root (it creates network namespaces, mounts and cgroups):"
              + " run it with sudo, or as root");
    }
  }

  /** Fails naming the missing programs and the apt-get command that installs them. */
  static void requireTools(Tools tools, boolean needDebootstrap) {
    List<String> wanted = new ArrayList<>(RUNTIME_TOOLS.keySet());
    if (needDebootstrap) {
      wanted.add(DEBOOTSTRAP);
    }
    List<String> missing = tools.missing(wanted);
    if (missing.isEmpty()) {
      return;
    }
    Set<String> packages = new LinkedHashSet<>();
    for (String tool : missing) {
      packages.add(RUNTIME_TOOLS.getOrDefault(tool, tool));
    }
    // the two that a fresh Debian lacks are always named together
    if (missing.contains("systemd-nspawn") || missing.contains(DEBOOTSTRAP)) {
      packages.add("systemd-container");
      packages.add(DEBOOTSTRAP);
    }
    throw new NspawnException(
        "the nspawn driver needs "
            + String.join(", ", missing)
            + (missing.size() == 1 ? ", which is" : ", which are")
            + " not installed: run apt-get install "
            + String.join(" ", packages));
  }
}
