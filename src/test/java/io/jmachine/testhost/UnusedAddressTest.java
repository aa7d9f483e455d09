package io.jmachine.testhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

@TestHosts
class UnusedAddressTest {

  @Test
  void addresses_readsEveryInterfacesAddresses() {
    assertThat(
            UnusedAddress.addresses(
                "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n"
                    + "2: eth0    inet 198.51.100.10/25 brd 198.51.100.127 scope global eth0\n"
                    + "2: eth0    inet 198.51.100.125/25 scope global secondary eth0\n"))
        .containsExactlyInAnyOrder("127.0.0.1", "198.51.100.10", "198.51.100.125");
  }

  @Test
  void reserve_givesAnAddressNothingHolds_andNoOtherReservationGetsItUntilClosed(TestHost host)
      throws Exception {
    Path reserved = HostScripts.runDir().resolve("reserved");
    UnusedAddress first = UnusedAddress.reserve();
    String secondIp;
    try (UnusedAddress second = UnusedAddress.reserve()) {
      secondIp = second.ip();
      assertThat(first.ip()).startsWith("198.51.100.").isNotEqualTo(host.ip());
      assertThat(second.ip()).isNotEqualTo(first.ip()).isNotEqualTo(host.ip());
      assertThat(InetAddress.getByName(first.ip()).isReachable(500)).isFalse();
      assertThat(reserved.resolve(first.ip())).exists();
    } finally {
      first.close();
    }
    assertThat(reserved.resolve(first.ip())).doesNotExist();
    assertThat(reserved.resolve(secondIp)).doesNotExist();

    // an address added inside a host is held from then on, reserved or not
    host.exec("ip", "addr", "add", first.ip() + "/25", "dev", "eth0").orThrow("adding");
    assertThat(UnusedAddress.held(runner(), HostScripts.runDir())).contains(first.ip(), host.ip());
    host.exec("ip", "addr", "del", first.ip() + "/25", "dev", "eth0").orThrow("removing");
  }

  private static ProcessRunner runner() {
    return new ProcessRunner(Map.of("PATH", System.getenv("PATH") + ":" + HostScripts.SBIN_DIRS));
  }
}
