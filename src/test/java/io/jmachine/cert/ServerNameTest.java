package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerNameTest {
  private static X509Certificate withNames;
  private static X509Certificate withAddressOnly;

  @BeforeAll
  static void issue(@TempDir Path dir) {
    CertificateOwner owner = new CertificateOwner("tester");
    CertificatePaths ca = CertificatePaths.inDirectory(dir);
    new CertificateBootstrap(owner, Clock.systemUTC(), line -> {}).bootstrap(ca);
    withNames =
        issue(
            dir,
            owner,
            ca,
            "named",
            "198.51.100.7",
            "docker.example.com",
            "*.apps.example.com",
            "2001:db8::7");
    withAddressOnly = issue(dir, owner, ca, "bare", "198.51.100.8");
  }

  private static X509Certificate issue(
      Path dir,
      CertificateOwner owner,
      CertificatePaths ca,
      String name,
      String ip,
      String... extra) {
    ServerCertificateRequest request =
        new ServerCertificateRequest(
            name,
            ip,
            List.of(extra),
            false,
            ca.caCert(),
            ca.caKey(),
            dir.resolve(name + ".pem"),
            dir.resolve(name + "-key.pem"));
    new ServerCertificateIssuer(owner, Clock.systemUTC()).issue(request);
    return PemFiles.readCertificate(request.serverCert());
  }

  @Test
  void addressesMatchTheIpSans() {
    assertThatCode(() -> ServerName.verify("198.51.100.7", withNames)).doesNotThrowAnyException();
    assertThatCode(() -> ServerName.verify("2001:db8:0::7", withNames)).doesNotThrowAnyException();
    assertThatCode(() -> ServerName.verify("::ffff:198.51.100.7", withNames))
        .doesNotThrowAnyException();
  }

  @Test
  void namesMatchTheDnsSansWhateverTheirCase() {
    assertThatCode(() -> ServerName.verify("Docker.Example.COM", withNames))
        .doesNotThrowAnyException();
    assertThatCode(() -> ServerName.verify("docker.example.com.", withNames))
        .doesNotThrowAnyException();
  }

  @Test
  void aWildcardStandsForExactlyTheLeftMostLabel() {
    assertThatCode(() -> ServerName.verify("web.apps.example.com", withNames))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ServerName.verify("a.web.apps.example.com", withNames))
        .hasMessage(
            "x509: certificate is valid for docker.example.com, *.apps.example.com, localhost,"
                + " not a.web.apps.example.com");
    assertThatThrownBy(() -> ServerName.verify("apps.example.com", withNames))
        .hasMessageEndingWith(", not apps.example.com");
  }

  @Test
  void aMismatchIsWordedAsGoWordsIt() {
    assertThatThrownBy(() -> ServerName.verify("198.51.100.9", withNames))
        .hasMessage("x509: certificate is valid for 2001:db8::7, 198.51.100.7, not 198.51.100.9");
    assertThatThrownBy(() -> ServerName.verify("docker.example.org", withAddressOnly))
        .hasMessage("x509: certificate is valid for localhost, not docker.example.org");
  }

  @Test
  void ipv6AddressesArePrintedInGosShortestForm() {
    assertThat(ServerName.goIpString("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(ServerName.goIpString("0:0:0:0:0:0:0:0")).isEqualTo("::");
    assertThat(ServerName.goIpString("1:0:0:0:0:0:0:0")).isEqualTo("1::");
    assertThat(ServerName.goIpString("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(ServerName.goIpString("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(ServerName.goIpString("fe80:0:0:0:a00:27ff:fe4e:66a1"))
        .isEqualTo("fe80::a00:27ff:fe4e:66a1");
    assertThat(ServerName.goIpString("198.51.100.7")).isEqualTo("198.51.100.7");
  }
}
