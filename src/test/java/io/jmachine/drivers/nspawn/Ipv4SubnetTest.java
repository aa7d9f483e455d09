package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4SubnetTest {
  @Test
  void parse_defaultSubnet_bridgeTakesFirstAddressMachinesTheRest() {
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.0/24");
    assertThat(Ipv4Subnet.format(subnet.gateway())).isEqualTo("198.51.100.1");
    assertThat(Ipv4Subnet.format(subnet.firstMachineAddress())).isEqualTo("198.51.100.2");
    assertThat(Ipv4Subnet.format(subnet.lastMachineAddress())).isEqualTo("198.51.100.254");
    assertThat(subnet.machineAddressCount()).isEqualTo(253);
    assertThat(subnet).hasToString("198.51.100.0/24");
  }

  @Test
  void parse_upperHalf_staysInsideIt() {
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.128/25");
    assertThat(Ipv4Subnet.format(subnet.gateway())).isEqualTo("198.51.100.129");
    assertThat(Ipv4Subnet.format(subnet.firstMachineAddress())).isEqualTo("198.51.100.130");
    assertThat(Ipv4Subnet.format(subnet.lastMachineAddress())).isEqualTo("198.51.100.254");
    assertThat(subnet.contains((int) Ipv4Subnet.parseAddress("198.51.100.127"))).isFalse();
    assertThat(subnet.contains((int) Ipv4Subnet.parseAddress("198.51.100.200"))).isTrue();
  }

  @Test
  void parse_hostBitsSet_suggestsTheNetwork() {
    assertThatThrownBy(() -> Ipv4Subnet.parse("198.51.100.7/24"))
        .hasMessage(
            "invalid subnet \"198.51.100.7/24\": host bits are set; did you mean"
                + " 198.51.100.0/24?");
  }

  @Test
  void parse_garbage_saysWhatItExpects() {
    assertThatThrownBy(() -> Ipv4Subnet.parse("big"))
        .hasMessage("invalid subnet \"big\": expected an IPv4 network such as 198.51.100.0/24");
    assertThatThrownBy(() -> Ipv4Subnet.parse("198.51.100.0/31"))
        .hasMessageContaining("between 8 and 30");
    assertThatThrownBy(() -> Ipv4Subnet.parse("198.51.300.0/24"))
        .hasMessageContaining("300 is not an octet");
  }

  @Test
  void parseAddress_rejectsNonQuads() {
    assertThat(Ipv4Subnet.parseAddress("198.51.100.130")).isEqualTo(0xC6336482L);
    assertThat(Ipv4Subnet.parseAddress("")).isEqualTo(-1);
    assertThat(Ipv4Subnet.parseAddress("1.2.3")).isEqualTo(-1);
    assertThat(Ipv4Subnet.parseAddress("1.2.3.256")).isEqualTo(-1);
  }
}
