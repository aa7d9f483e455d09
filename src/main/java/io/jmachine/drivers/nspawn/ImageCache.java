package io.jmachine.drivers.nspawn;

import io.jmachine.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Debian base images, one per suite, in the store's cache/nspawn folder and shared by every
 * machine as the read-only lower layer of its root. An image is built once with debootstrap, in a
 * temp dir that is renamed into place when it is complete; concurrent creates wait on a lock and
 * then find it built. It holds systemd, sshd and the usual tools, plus Debian's docker.io packages
 * in /var/cache/apt/archives, so that "apt-get install docker.io" works inside machines that cannot
 * reach any mirror.
 */
final class ImageCache {
  static final String PACKAGES =
      "systemd,systemd-sysv,dbus,libnss-myhostname,openssh-server,sudo,curl,ca-certificates,"
          + "iproute2,procps";
  static final String MARKER = "etc/jmachine-image";
  private static final Duration BUILD_LOCK_WAIT = Duration.ofMinutes(30);
  private static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration APT_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration QUICK = Duration.ofMinutes(2);

  private final Path cacheDir;
  private final Tools tools;
  private final Commands commands;
  private final Cgroups cgroups;
  private final Mounts mounts;
  private final HostDefaults defaults;
  private final Consumer<String> info;

  ImageCache(
      Path cacheDir,
      Tools tools,
      Commands commands,
      Cgroups cgroups,
      Mounts mounts,
      HostDefaults defaults,
      Consumer<String> info) {
    this.cacheDir = cacheDir;
    this.tools = tools;
    this.commands = commands;
    this.cgroups = cgroups;
    this.mounts = mounts;
    this.defaults = defaults;
    this.info = info;
  }

  static void requireValidSuite(String suite) {
    if (!suite.matches("[a-z][a-z0-9.-]{0,31}")) {
      throw new NspawnException(
          "invalid --nspawn-suite \"" + suite + "\": expected a Debian codename such as bookworm");
    }
  }

  Path image(String suite) {
    return cacheDir.resolve(suite);
  }

  boolean cached(String suite) {
    return Files.isRegularFile(image(suite).resolve(MARKER));
  }

  /** The image of {@code suite}, built from {@code mirror} first if it is not cached. */
  Path ensure(String suite, String mirror) {
    requireValidSuite(suite);
    if (cached(suite)) {
      return image(suite);
    }
    try {
      AtomicFiles.createPrivateDirectories(cacheDir);
    } catch (IOException e) {
      throw new NspawnException("cannot create " + cacheDir + ": " + e.getMessage(), e);
    }
    HeldLock.acquire(
            tools,
            cacheDir.resolve("." + suite + ".lock"),
            BUILD_LOCK_WAIT,
            "another jmachine building the " + suite + " image")
        .run(
            () -> {
              if (!cached(suite)) {
                removeLeftovers(suite);
                build(suite, mirror);
              }
            });
    return image(suite);
  }

  /** What an interrupted build left: temp dirs, maybe with /proc still mounted inside. */
  private void removeLeftovers(String suite) {
    List<Path> leftovers = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cacheDir, "." + suite + ".tmp*")) {
      dirs.forEach(leftovers::add);
    } catch (IOException e) {
      return;
    }
    if (Files.exists(image(suite))) {
      leftovers.add(image(suite)); // no marker: an image from before, or half-renamed
    }
    leftovers.forEach(this::removeTree);
  }

  void removeTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    mounts.unmountBelow(dir);
    commands.check(
        "cannot remove " + dir, List.of("rm", "-rf", "--one-file-system", dir.toString()), QUICK);
  }

  private void build(String suite, String mirror) {
    Instant started = Instant.now();
    info.accept(
        "Building the Debian "
            + suite
            + " image from "
            + mirror
            + " (once per store; this takes a minute or two)...");
    Path target;
    try {
      target =
          Files.createTempDirectory(
              cacheDir,
              "." + suite + ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      // it becomes the machines' /, which must be world-readable
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new NspawnException("cannot create a build folder in " + cacheDir, e);
    }
    String buildGroup = "build-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      debootstrap(suite, mirror, target);
      writeSources(target, suite, mirror);
      slimPackages(target);
      // upgrade (security fixes), then pre-download docker.io and its dependencies only
      inImage(
          target,
          buildGroup,
          "export DEBIAN_FRONTEND=noninteractive; apt-get -q update && apt-get -yq upgrade"
              + " && apt-get clean && apt-get -yq install --download-only docker.io");
      configure(target, suite, mirror);
      Files.move(target, image(suite), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      removeTree(target);
      throw new NspawnException("cannot build the " + suite + " image: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      removeTree(target);
      throw e;
    } finally {
      cgroups.remove(buildGroup);
    }
    info.accept(
        "Built the "
            + suite
            + " image in "
            + Duration.between(started, Instant.now()).toSeconds()
            + " s: "
            + image(suite));
  }

  private void debootstrap(String suite, String mirror, Path target) {
    Commands.Result result =
        commands.run(
            List.of(
                "debootstrap",
                "--variant=minbase",
                "--include=" + PACKAGES,
                suite,
                target.toString(),
                mirror),
            DEBOOTSTRAP_TIMEOUT);
    if (!result.ok()) {
      throw new NspawnException(
          "debootstrap of " + suite + " from " + mirror + " failed: " + tail(result, 12));
    }
  }

  private void writeSources(Path target, String suite, String mirror) throws IOException {
    StringBuilder sources = new StringBuilder();
    sources.append("deb ").append(mirror).append(' ').append(suite).append(" main\n");
    if (!List.of("sid", "unstable", "experimental").contains(suite)) {
      sources.append("deb ").append(mirror).append(' ').append(suite).append("-updates main\n");
      sources
          .append("deb ")
          .append(defaults.securityMirror(suite, mirror))
          .append(' ')
          .append(suite)
          .append("-security main\n");
    }
    Files.writeString(target.resolve("etc/apt/sources.list"), sources.toString());
  }

  /**
   * Machines install only what packages depend on, and no documentation: Docker from the cached
   * packages then takes seconds instead of half a minute (its recommends pull in git, perl and
   * python), and the cache holds only what that install needs.
   */
  private static void slimPackages(Path root) throws IOException {
    Files.writeString(
        root.resolve("etc/apt/apt.conf.d/90jmachine-no-recommends"),
        "APT::Install-Recommends \"false\";\nAPT::Install-Suggests \"false\";\n");
    Files.writeString(
        root.resolve("etc/dpkg/dpkg.cfg.d/90jmachine-no-docs"),
        "path-exclude=/usr/share/doc/*\npath-include=/usr/share/doc/*/copyright\n"
            + "path-exclude=/usr/share/man/*\npath-exclude=/usr/share/info/*\n");
  }

  /**
   * Runs a shell command inside the image like a chroot: host network, no boot. nspawn gets its own
   * cgroup, as it puts its groups below the one it starts in.
   */
  private void inImage(Path root, String buildGroup, String shell) {
    List<Path> groups = cgroups.prepare(buildGroup, 0, 0);
    StringBuilder join = new StringBuilder();
    for (Path g : groups) {
      join.append("echo $$ >").append(Supervisor.quote(g.resolve("cgroup.procs").toString()));
      join.append(" && ");
    }
    String nspawn = tools.find("systemd-nspawn").map(Path::toString).orElse("systemd-nspawn");
    String command =
        join
            + "exec "
            + Supervisor.quote(nspawn)
            + " --register=no --keep-unit --quiet --directory="
            + Supervisor.quote(root.toString())
            + " sh -ec "
            + Supervisor.quote(shell);
    Commands.Result result = commands.run(List.of("bash", "-c", command), APT_TIMEOUT);
    if (!result.ok()) {
      throw new NspawnException("preparing the image failed (" + shell + "): " + tail(result, 12));
    }
  }

  /** Settings every machine starts from; per-machine ones are written at create. */
  private static void configure(Path root, String suite, String mirror) throws IOException {
    // host keys are made at each machine's first boot, so no two machines share them
    try (DirectoryStream<Path> keys =
        Files.newDirectoryStream(root.resolve("etc/ssh"), "ssh_host_*")) {
      for (Path key : keys) {
        Files.delete(key);
      }
    }
    Path dropIn = root.resolve("etc/systemd/system/ssh.service.d");
    Files.createDirectories(dropIn);
    Files.writeString(
        dropIn.resolve("10-jmachine-keygen.conf"),
        "[Service]\nExecStartPre=\nExecStartPre=/usr/bin/ssh-keygen -A\n"
            + "ExecStartPre=/usr/sbin/sshd -t\n");
    Path ssh = root.resolve("root/.ssh");
    Files.createDirectories(ssh);
    Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
    // written per machine at create: an empty one here would give every machine the same id
    Files.writeString(root.resolve("etc/machine-id"), "");
    // no DNS server is reachable from a machine: fail lookups at once (sudo would wait 20 s)
    Path resolv = root.resolve("etc/resolv.conf");
    Files.deleteIfExists(resolv);
    Files.writeString(resolv, "nameserver 127.0.0.1\n");
    Files.writeString(root.resolve("etc/hostname"), "localhost\n");
    Files.writeString(root.resolve("etc/hosts"), hosts("localhost"));
    Path journal = root.resolve("var/log/journal");
    if (Files.isDirectory(journal)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(journal)) {
        for (Path entry : entries) {
          deleteRecursively(entry);
        }
      }
    }
    Files.writeString(
        root.resolve(MARKER),
        "jmachine nspawn image 1\nsuite "
            + suite
            + "\nmirror "
            + mirror
            + "\nbuilt "
            + Instant.now()
            + "\n",
        StandardCharsets.UTF_8);
  }

  static String hosts(String name) {
    return "127.0.0.1\tlocalhost\n127.0.1.1\t"
        + name
        + "\n::1\t\tlocalhost ip6-localhost ip6-loopback\nff02::1\t\tip6-allnodes\n"
        + "ff02::2\t\tip6-allrouters\n";
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
        for (Path entry : entries) {
          deleteRecursively(entry);
        }
      }
    }
    Files.delete(path);
  }

  private static String tail(Commands.Result result, int lines) {
    String text = (result.out() + "\n" + result.err()).strip();
    String[] all = text.split("\n");
    int from = Math.max(0, all.length - lines);
    return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
  }
}
