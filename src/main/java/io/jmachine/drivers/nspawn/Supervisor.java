package io.jmachine.drivers.nspawn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small bash program that owns a running machine. It is started detached (own session,
 * reparented to init), so the machine outlives the jmachine process until it is stopped. It joins
 * the machine's cgroups, runs systemd-nspawn, boots the machine again when it reboots (nspawn exits
 * 133), turns SIGTERM into a clean poweroff (nspawn passes it on to the machine's systemd as
 * SIGRTMIN+3), and unmounts the machine's root when the machine is off.
 */
final class Supervisor {
  private Supervisor() {}

  /** What one machine boots with. */
  record Boot(
      String machineName,
      String tag,
      Path nspawn,
      MachinePaths paths,
      Path netns,
      List<Path> cgroups,
      List<BindMount> binds) {}

  /** The systemd-nspawn command line, with every fix a host without systemd needs. */
  static List<String> nspawnArgs(Boot boot) {
    List<String> args = new ArrayList<>();
    args.add(boot.nspawn().toString());
    // no systemd (and so no D-Bus) on the host: neither register nor ask for a scope unit
    args.add("--register=no");
    args.add("--keep-unit");
    args.add("--boot");
    args.add("--console=passive");
    args.add("--link-journal=no");
    args.add("--quiet");
    args.add("--directory=" + boot.paths().root());
    args.add("--machine=" + boot.tag());
    if (validHostname(boot.machineName())) {
      args.add("--hostname=" + boot.machineName());
    }
    args.add("--network-namespace-path=" + boot.netns());
    // the image's resolv.conf (nameserver 127.0.0.1) fails lookups at once instead of waiting
    args.add("--resolv-conf=off");
    // overlay2 cannot sit on the overlay root: Docker's data lives on the store's file system
    args.add("--bind=" + boot.paths().docker() + ":/var/lib/docker");
    // with --network-namespace-path nspawn drops CAP_NET_ADMIN, which dockerd needs
    args.add("--capability=all");
    // "docker run" needs the session keyring and BPF device programs
    args.add("--system-call-filter=@keyring bpf");
    for (BindMount bind : boot.binds()) {
      args.add(bind.nspawnOption());
    }
    return args;
  }

  static boolean validHostname(String name) {
    return name.length() <= 64
        && name.matches(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  }

  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String quoteAll(List<String> words) {
    List<String> quoted = new ArrayList<>();
    words.forEach(w -> quoted.add(quote(w)));
    return String.join(" ", quoted);
  }

  static String script(Boot boot) {
    MachinePaths p = boot.paths();
    List<String> groups = boot.cgroups().stream().map(Path::toString).toList();
    return "#!/bin/bash\n"
        + "# Supervisor of the jmachine nspawn machine "
        + boot.machineName().replaceAll("[^A-Za-z0-9.-]", "?")
        + ". jmachine writes this file at every start.\n"
        + "# It boots the machine again after a reboot inside it (systemd-nspawn exits 133),\n"
        + "# turns SIGTERM into a clean poweroff, and unmounts the root once the machine is off.\n"
        + "set -u\n"
        + "cd "
        + quote(p.nspawnDir().toString())
        + " || exit 1\n"
        + "# own cgroups: without systemd, nspawn puts its groups below the one it starts in\n"
        + "for group in "
        + quoteAll(groups)
        + "; do\n"
        + "  echo $$ >\"$group/cgroup.procs\" || exit 1\n"
        + "done\n"
        + "read -r stat </proc/$$/stat\n"
        + "stat=${stat##*) }\n"
        + "set -- $stat\n"
        + "echo \"$$ ${20}\" >supervisor.pid.tmp && mv supervisor.pid.tmp supervisor.pid\n"
        + "stopping=0 child= status=0\n"
        + "trap 'stopping=1; [ -z \"$child\" ] || kill -TERM \"$child\" 2>/dev/null' TERM INT HUP\n"
        + "while :; do\n"
        + "  SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 "
        + quoteAll(nspawnArgs(boot))
        + " &\n"
        + "  child=$!\n"
        + "  echo \"$child\" >nspawn.pid\n"
        + "  [ $stopping = 0 ] || kill -TERM \"$child\" 2>/dev/null\n"
        + "  wait \"$child\"; status=$?\n"
        + "  # a trapped signal ends wait early: wait until nspawn has really finished\n"
        + "  while [ $status -gt 128 ] && kill -0 \"$child\" 2>/dev/null; do\n"
        + "    wait \"$child\"; status=$?\n"
        + "  done\n"
        + "  rm -f nspawn.pid\n"
        + "  [ $stopping = 0 ] && [ $status = 133 ] || break\n"
        + "  echo \"jmachine: $(date '+%F %T') the machine rebooted, booting it again\"\n"
        + "done\n"
        + "echo \"jmachine: $(date '+%F %T') systemd-nspawn exited with status $status\"\n"
        + "umount root 2>/dev/null || umount -l root 2>/dev/null\n"
        + "rm -f supervisor.pid\n"
        + "exit 0\n";
  }
}
