package io.jmachine.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallStrategyTest {
  @TempDir Path dir;

  @Test
  void parse_everyForm() {
    assertThat(InstallStrategy.parse("", "https://get.docker.com")).isEmpty();
    assertThat(InstallStrategy.parse(null, "")).isEmpty();
    assertThat(InstallStrategy.parse("script", "")).contains(new InstallStrategy.Script());
    assertThat(InstallStrategy.parse("distro", "")).contains(new InstallStrategy.Distro());
    assertThat(InstallStrategy.parse("none", "")).contains(new InstallStrategy.None());
    assertThat(InstallStrategy.parse("version:20.10.24", ""))
        .contains(new InstallStrategy.Version("20.10.24"));
    assertThat(InstallStrategy.parse("", "none")).contains(new InstallStrategy.None());
  }

  @Test
  void text_roundTrips() {
    for (String text : new String[] {"script", "distro", "none", "version:24.0"}) {
      assertThat(InstallStrategy.parse(text, "").map(InstallStrategy::text)).contains(text);
    }
  }

  @Test
  void file_isStoredAbsolute_andMustBeReadableAtCreate() throws Exception {
    Path script = Files.writeString(dir.resolve("install.sh"), "#!/bin/sh\n");

    Optional<InstallStrategy> parsed = InstallStrategy.parseForCreate("file:" + script, "");

    assertThat(parsed.map(InstallStrategy::text)).contains("file:" + script);
    assertThatThrownBy(() -> InstallStrategy.parseForCreate("file:" + dir.resolve("nope"), ""))
        .hasMessage(
            "Invalid --engine-install-strategy \"file:"
                + dir.resolve("nope")
                + "\": cannot read the install script "
                + dir.resolve("nope"));
  }

  @Test
  void badValues_sayWhatIsAccepted() {
    assertThatThrownBy(() -> InstallStrategy.parse("apt", ""))
        .hasMessage(
            "Invalid --engine-install-strategy \"apt\": use script, distro, version:VERSION,"
                + " file:PATH or none");
    assertThatThrownBy(() -> InstallStrategy.parse("version:latest; rm -rf /", ""))
        .hasMessageStartingWith("Invalid --engine-install-strategy \"version:latest; rm -rf /\"");
  }

  @Test
  void versionMatches_atANumberBoundary() {
    assertThat(PackageManager.versionMatches("20.10.24+dfsg1", "20.10.24")).isTrue();
    assertThat(PackageManager.versionMatches("20.10.24+dfsg1-1+deb12u1+b6", "20.10")).isTrue();
    assertThat(PackageManager.versionMatches("5:24.0.7-1~debian.12~bookworm", "24.0.7")).isTrue();
    assertThat(PackageManager.versionMatches("20.10.24", "20.10.2")).isFalse();
    assertThat(PackageManager.versionMatches("19.03.1", "20.10")).isFalse();
  }
}
