package io.jmachine.drivers.nspawn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Everything the driver touches on the host, in one place so tests can see it. */
record NspawnHost(
    Consumer<String> info,
    Tools tools,
    Commands commands,
    Cgroups cgroups,
    Mounts mounts,
    HostNetwork network,
    HostDefaults defaults,
    MirrorProbe mirrors,
    Path networkLock,
    Path propagateDir,
    Supplier<OptionalInt> uid,
    String osName,
    Duration bootTimeout) {

  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

  /** The real host, with programs found on {@code path} (plus the sbin directories). */
  static NspawnHost real(Consumer<String> info, String path) {
    Tools tools = new Tools(path);
    Commands commands = new ProcessCommands(tools);
    Path lockDir =
        java.nio.file.Files.isDirectory(Path.of("/run/lock"))
            ? Path.of("/run/lock")
            : Path.of("/run");
    return new NspawnHost(
        info,
        tools,
        commands,
        Cgroups.host(),
        new Mounts(commands),
        HostNetwork.host(commands),
        HostDefaults.host(),
        MirrorProbe.HTTP,
        lockDir.resolve("jmachine-nspawn.lock"),
        Path.of("/run/systemd/nspawn/propagate"),
        Prerequisites::effectiveUid,
        System.getProperty("os.name", ""),
        BOOT_TIMEOUT);
  }

  ImageCache images(Path storePath) {
    return new ImageCache(
        storePath.resolve("cache").resolve("nspawn"),
        tools,
        commands,
        cgroups,
        mounts,
        defaults,
        info);
  }
}
