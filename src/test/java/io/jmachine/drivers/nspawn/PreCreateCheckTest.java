package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.driver.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clear errors before anything is touched: wrong OS, not root, tools missing, bad mirror. */
class PreCreateCheckTest {
  @TempDir Path dir;

  private NspawnHost host(String os, int uid, Tools tools, MirrorProbe mirrors) {
    Commands none =
        (argv, env, timeout) -> {
          throw new AssertionError("no program may run in a pre-create check: " + argv);
        };
    return new NspawnHost(
        line -> {},
        tools,
        none,
        new Cgroups(dir.resolve("cgroup")),
        new Mounts(none),
        new HostNetwork(none, dir.resolve("net"), dir.resolve("netns")),
        new HostDefaults(dir.resolve("etc")),
        mirrors,
        dir.resolve("lock"),
        dir.resolve("propagate"),
        () -> uid < 0 ? OptionalInt.empty() : OptionalInt.of(uid),
        os,
        Duration.ofSeconds(5));
  }

  /** A PATH folder holding fakes of exactly {@code tools}. */
  private Tools toolsDir(List<String> tools) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : tools) {
      Path file = bin.resolve(tool);
      Files.writeString(file, "#!/bin/sh\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return new Tools(List.of(bin));
  }

  private Tools allTools() throws IOException {
    List<String> all = new java.util.ArrayList<>(Prerequisites.RUNTIME_TOOLS.keySet());
    all.add("debootstrap");
    return toolsDir(all);
  }

  private Driver driver(NspawnHost host) {
    Driver driver = new NspawnDriverFactory(host).newDriver("m1", dir.resolve("store").toString());
    driver.setConfigFromFlags(NspawnTestSupport.options(Map.of("nspawn-suite", "bookworm")));
    return driver;
  }

  @Test
  void notLinux_saysNspawnNeedsLinux() throws IOException {
    Driver driver = driver(host("Mac OS X", -1, allTools(), MirrorProbe.HTTP));
    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage(
            "the nspawn driver runs machines with systemd-nspawn, which needs Linux; this is"
                + " Mac OS X");
  }

  @Test
  void notRoot_saysToRunAsRoot() throws IOException {
    Driver driver = driver(host("Linux", 1000, allTools(), MirrorProbe.HTTP));
    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage(
            "the nspawn driver needs root (it creates network namespaces, mounts and cgroups):"
                + " run it with sudo, or as root");
  }

  @Test
  void nspawnAndDebootstrapMissing_giveTheAptGetCommand() throws IOException {
    Tools tools = toolsDir(List.of("ip", "iptables", "flock", "setsid", "mount", "umount"));
    Driver driver = driver(host("Linux", 0, tools, MirrorProbe.HTTP));
    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage(
            "the nspawn driver needs systemd-nspawn, debootstrap, which are not installed: run"
                + " apt-get install systemd-container debootstrap");
  }

  @Test
  void debootstrapNotNeeded_onceTheImageIsCached() throws IOException {
    Tools tools =
        toolsDir(List.of("systemd-nspawn", "ip", "iptables", "flock", "setsid", "mount", "umount"));
    Path image = dir.resolve("store/cache/nspawn/bookworm");
    Files.createDirectories(image.resolve("etc"));
    Files.writeString(image.resolve(ImageCache.MARKER), "jmachine nspawn image 1\n");
    Driver driver =
        driver(
            host(
                "Linux",
                0,
                tools,
                (m, s) -> {
                  throw new AssertionError("no mirror check with a cached image");
                }));
    driver.preCreateCheck();
  }

  @Test
  void unreachableMirror_failsBeforeAnyBuild() throws IOException {
    Driver driver =
        driver(
            host(
                "Linux",
                0,
                allTools(),
                (m, s) -> {
                  throw new NspawnException("the Debian mirror " + m + " is unreachable");
                }));
    assertThatThrownBy(driver::preCreateCheck).hasMessageContaining("is unreachable");
  }

  @Test
  void missingBindSource_isNamed() throws IOException {
    Driver driver =
        new NspawnDriverFactory(host("Linux", 0, allTools(), (m, s) -> {}))
            .newDriver("m1", dir.resolve("store").toString());
    driver.setConfigFromFlags(
        NspawnTestSupport.options(
            Map.of("nspawn-suite", "bookworm", "nspawn-bind", List.of("/no/such:/x"))));
    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage("--nspawn-bind /no/such:/x: /no/such does not exist on this host");
  }

  @Test
  void setConfigFromFlags_storesWhatCreateNeeds() throws IOException {
    Driver driver =
        new NspawnDriverFactory(host("Linux", 0, allTools(), (m, s) -> {}))
            .newDriver("m1", dir.resolve("store").toString());
    driver.setConfigFromFlags(
        NspawnTestSupport.options(
            Map.of(
                "nspawn-suite",
                "bookworm",
                "nspawn-mirror",
                "http://mirror.example/debian/",
                "nspawn-memory",
                512,
                "nspawn-cpu-count",
                1,
                "nspawn-bind",
                List.of("/srv:/srv"))));
    Map<String, Object> json = driver.toJson();
    assertThat(json)
        .containsEntry("SSHUser", "root")
        .containsEntry("SSHPort", 22)
        .containsEntry("Subnet", "198.51.100.128/25")
        .containsEntry("Mirror", "http://mirror.example/debian")
        .containsEntry("Suite", "bookworm")
        .containsEntry("Memory", 512)
        .containsEntry("CPUCount", 1)
        .containsEntry("Binds", List.of("/srv:/srv"));
    assertThat(List.copyOf(json.keySet()).subList(0, 9))
        .containsExactly(
            "IPAddress",
            "MachineName",
            "SSHUser",
            "SSHPort",
            "SSHKeyPath",
            "StorePath",
            "SwarmMaster",
            "SwarmHost",
            "SwarmDiscovery");
    Driver reloaded =
        new NspawnDriverFactory(host("Linux", 0, allTools(), (m, s) -> {})).fromJson(json);
    assertThat(reloaded.toJson()).isEqualTo(json);
    assertThat(reloaded.defaultInstallStrategy()).isEqualTo("distro");
  }

  @Test
  void badFlagValues_areRefused() throws IOException {
    Driver driver =
        new NspawnDriverFactory(host("Linux", 0, allTools(), (m, s) -> {}))
            .newDriver("m1", dir.resolve("store").toString());
    assertThatThrownBy(
            () ->
                driver.setConfigFromFlags(
                    NspawnTestSupport.options(Map.of("nspawn-suite", "Book Worm"))))
        .hasMessage(
            "invalid --nspawn-suite \"Book Worm\": expected a Debian codename such as bookworm");
    assertThatThrownBy(
            () -> driver.setConfigFromFlags(NspawnTestSupport.options(Map.of("nspawn-memory", -1))))
        .hasMessage("--nspawn-memory must be 0 (no limit) or a number of MB");
  }
}
