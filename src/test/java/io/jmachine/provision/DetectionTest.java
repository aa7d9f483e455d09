package io.jmachine.provision;

import static io.jmachine.provision.FakeMachine.os;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** os-release parsing and a provisioner choice that never depends on luck. */
class DetectionTest {
  private static final String DEBIAN_12 =
      "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
          + "NAME=\"Debian GNU/Linux\"\n"
          + "VERSION_ID=\"12\"\n"
          + "VERSION=\"12 (bookworm)\"\n"
          + "VERSION_CODENAME=bookworm\n"
          + "ID=debian\n"
          + "HOME_URL=\"https://www.debian.org/\"\n"
          + "SUPPORT_URL=\"https://www.debian.org/support\"\n"
          + "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n";

  @Test
  void parse_debian12() {
    OsRelease os = OsRelease.parse(DEBIAN_12);

    assertThat(os.id()).isEqualTo("debian");
    assertThat(os.versionId()).isEqualTo("12");
    assertThat(os.prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(Provisioners.detect(os).name()).isEqualTo("debian");
  }

  @Test
  void parse_keepsValuesWithEqualsSigns_andSkipsComments() {
    OsRelease os =
        OsRelease.parse("# comment\n\nID='arch'\nHOME_URL=\"https://x/?a=b\"\nBROKEN LINE\n");

    assertThat(os.id()).isEqualTo("arch");
    assertThat(os.get("HOME_URL")).isEqualTo("https://x/?a=b");
  }

  @Test
  void ubuntu_versionDecidesBetweenSystemdAndUpstart() {
    assertThat(Provisioners.detect(os("ubuntu", "14.04", "debian")).name())
        .isEqualTo("ubuntu(upstart)");
    assertThat(Provisioners.detect(os("ubuntu", "15.04", "debian")).name())
        .isEqualTo("ubuntu(systemd)");
    assertThat(Provisioners.detect(os("ubuntu", "24.04", "debian")).name())
        .isEqualTo("ubuntu(systemd)");
  }

  @Test
  void everyKnownId_findsItsProvisioner() {
    assertThat(Provisioners.detect(os("boot2docker", "19.03", "")).name()).isEqualTo("boot2docker");
    assertThat(Provisioners.detect(os("sles", "15", "suse")).name()).isEqualTo("SUSE");
    assertThat(Provisioners.detect(os("opensuse-tumbleweed", "2024", "opensuse suse")).name())
        .isEqualTo("SUSE");
    assertThat(Provisioners.detect(os("arch", "", "")).name()).isEqualTo("arch");
    assertThat(Provisioners.detect(os("manjaro", "", "arch")).name()).isEqualTo("arch");
    assertThat(Provisioners.detect(os("rancheros", "v1.5", "")).name()).isEqualTo("rancheros");
    assertThat(Provisioners.detect(os("coreos", "2512", "")).name()).isEqualTo("coreOS");
  }

  @Test
  void derivatives_getTheirFamilysProvisioner_inIdLikeOrder() {
    assertThat(Provisioners.detect(os("linuxmint", "21.2", "ubuntu debian")).name())
        .isEqualTo("ubuntu(systemd)");
    assertThat(Provisioners.detect(os("raspbian", "11", "debian")).name()).isEqualTo("debian");
    assertThat(Provisioners.detect(os("amzn", "2", "centos rhel fedora")).name())
        .isEqualTo("centos");
  }

  @Test
  void unknownSystem_isDockerMachinesError_namingWhatWasFound() {
    assertThatThrownBy(() -> Provisioners.detect(os("haiku", "1", "")))
        .hasMessage("Error detecting OS: OS type not recognized");
  }

  @Test
  void detection_isTheSameEveryTime() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(Provisioners.detect(os("ubuntu", "22.04", "debian")).name());
      seen.add(Provisioners.detect(os("centos", "8", "rhel fedora")).name());
    }
    assertThat(seen).containsExactlyInAnyOrder("ubuntu(systemd)", "centos");
  }
}
