package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parse_ipv4AndPort_splitsThem() {
    assertThat(HostPort.parse("198.51.100.7:2376")).isEqualTo(new HostPort("198.51.100.7", 2376));
  }

  @Test
  void parse_bracketedIpv6_dropsTheBrackets() {
    assertThat(HostPort.parse("[2001:db8::1]:2376")).isEqualTo(new HostPort("2001:db8::1", 2376));
  }

  @Test
  void parse_dnsName_keepsIt() {
    assertThat(HostPort.parse("docker.example:2376"))
        .isEqualTo(new HostPort("docker.example", 2376));
  }

  @Test
  void parse_withoutPort_failsLikeGo() {
    assertThatThrownBy(() -> HostPort.parse("[2001:db8::1]"))
        .hasMessage("address [2001:db8::1]: missing port in address");
  }

  @Test
  void parse_bareIpv6_failsLikeGo() {
    assertThatThrownBy(() -> HostPort.parse("2001:db8::1:2376"))
        .hasMessage("address 2001:db8::1:2376: too many colons in address");
  }

  @Test
  void isIpLiteral_recognisesAddressesWithoutLookingThemUp() {
    assertThat(HostPort.isIpLiteral("198.51.100.7")).isTrue();
    assertThat(HostPort.isIpLiteral("2001:db8::1")).isTrue();
    assertThat(HostPort.isIpLiteral("docker.example")).isFalse();
    assertThat(HostPort.isIpLiteral("1.2.3")).isFalse();
  }
}
