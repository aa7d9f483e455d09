package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNetworkTest {
  private static final String ROUTES =
      "default via 192.0.2.1 dev eth0\n"
          + "192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.2\n"
          + "198.51.100.0/25 dev jmth0 proto kernel scope link src 198.51.100.1\n"
          + "198.51.100.0/24 dev jmnet0 proto kernel scope link src 198.51.100.1 linkdown\n";

  @Test
  void tag_isShortEnoughForALinkName() {
    String tag = HostNetwork.tag((int) Ipv4Subnet.parseAddress("198.51.100.130"));
    assertThat(tag).isEqualTo("jmc6336482").hasSizeLessThanOrEqualTo(15);
  }

  @Test
  void parseLocalAddresses_readsEveryInterfacesAddresses() {
    assertThat(
            HostNetwork.parseLocalAddresses(
                "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n"
                    + "5: jmnet0    inet 198.51.100.129/25 brd 198.51.100.255 scope global jmnet0\n"
                    + "5: jmnet0    inet 198.51.100.253/30 scope global jmnet0\n"))
        .containsExactlyInAnyOrder(
            (int) Ipv4Subnet.parseAddress("127.0.0.1"),
            (int) Ipv4Subnet.parseAddress("198.51.100.129"),
            (int) Ipv4Subnet.parseAddress("198.51.100.253"));
  }

  @Test
  void parseRoutes_readsNetworksAndDevices() {
    assertThat(HostNetwork.parseRoutes(ROUTES))
        .extracting(HostNetwork.Route::device)
        .containsExactly("eth0", "jmth0", "jmnet0");
  }

  @Test
  void reachesBridge_notForAddressesAMoreSpecificRouteSendsElsewhere() {
    List<HostNetwork.Route> routes = HostNetwork.parseRoutes(ROUTES);
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.0/24");
    assertThat(
            HostNetwork.reachesBridge(
                routes, subnet, (int) Ipv4Subnet.parseAddress("198.51.100.20")))
        .isFalse();
    assertThat(
            HostNetwork.reachesBridge(
                routes, subnet, (int) Ipv4Subnet.parseAddress("198.51.100.130")))
        .isTrue();
  }
}
