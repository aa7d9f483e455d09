package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDefaultsTest {
  @TempDir Path etc;

  @Test
  void deb822Sources_mirrorOfTheHostsSuite() throws IOException {
    Files.createDirectories(etc.resolve("apt/sources.list.d"));
    Files.writeString(etc.resolve("os-release"), "ID=debian\nVERSION_CODENAME=bookworm\n");
    Files.writeString(
        etc.resolve("apt/sources.list.d/debian.sources"),
        "Types: deb\n# http://snapshot.debian.org/archive/debian/20250520T000000Z\n"
            + "URIs: http://mirror.example/debian/\nSuites: bookworm bookworm-updates\n"
            + "Components: main\n\nTypes: deb\nURIs: http://security.example/debian-security\n"
            + "Suites: bookworm-security\nComponents: main\n");
    Files.writeString(
        etc.resolve("apt/sources.list.d/other.list"),
        "deb https://packages.example/apt cloud-sdk-bookworm main\n");
    HostDefaults defaults = new HostDefaults(etc);
    assertThat(defaults.suite()).isEqualTo("bookworm");
    assertThat(defaults.mirror("bookworm")).isEqualTo("http://mirror.example/debian");
    assertThat(defaults.securityMirror("bookworm", "http://mirror.example/debian"))
        .isEqualTo("http://security.example/debian-security");
    // another suite: the host's mirror still serves it
    assertThat(defaults.mirror("trixie")).isEqualTo("http://mirror.example/debian");
  }

  @Test
  void oneLineSources_skipsCommentsOptionsAndSourcePackages() throws IOException {
    Files.createDirectories(etc.resolve("apt"));
    Files.writeString(
        etc.resolve("os-release"), "ID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=jammy\n");
    Files.writeString(
        etc.resolve("apt/sources.list"),
        "# deb http://old.example/ubuntu jammy main\ndeb-src http://src.example/ubuntu jammy main\n"
            + "deb [arch=amd64 signed-by=/x.gpg] http://archive.example/ubuntu jammy main\n");
    HostDefaults defaults = new HostDefaults(etc);
    assertThat(defaults.suite()).isEqualTo("jammy");
    assertThat(defaults.mirror("jammy")).isEqualTo("http://archive.example/ubuntu");
    assertThat(defaults.securityMirror("jammy", "http://archive.example/ubuntu"))
        .isEqualTo("http://archive.example/ubuntu");
  }

  @Test
  void nothingKnown_fallsBackToDebianBookworm() {
    HostDefaults defaults = new HostDefaults(etc);
    assertThat(defaults.suite()).isEqualTo("bookworm");
    assertThat(defaults.mirror("bookworm")).isEqualTo("http://deb.debian.org/debian");
    assertThat(defaults.securityMirror("bookworm", "http://deb.debian.org/debian"))
        .isEqualTo("http://deb.debian.org/debian-security");
  }

  @Test
  void nonDebianHost_buildsBookworm() throws IOException {
    Files.writeString(etc.resolve("os-release"), "ID=fedora\nVERSION_CODENAME=\"\"\n");
    assertThat(new HostDefaults(etc).suite()).isEqualTo("bookworm");
  }
}
