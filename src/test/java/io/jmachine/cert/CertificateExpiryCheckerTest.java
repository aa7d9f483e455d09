package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cert.CertificateStatus.Validity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateExpiryCheckerTest {
  /** Certificates below are valid from 2026-01-10T10:06:00Z to 2028-12-25T10:06:00Z. */
  private static final Instant ISSUED = Instant.parse("2026-01-10T10:11:12Z");

  @TempDir Path store;

  private Path ca;

  @BeforeEach
  void issueCa() {
    CertificatePaths paths = CertificatePaths.inDirectory(store.resolve("certs"));
    new CertificateBootstrap(
            new CertificateOwner("alice"), Clock.fixed(ISSUED, ZoneOffset.UTC), line -> {})
        .bootstrap(paths);
    ca = paths.caCert();
  }

  private static CertificateExpiryChecker at(String instant) {
    return new CertificateExpiryChecker(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void check_longBeforeExpiry_isValid() {
    CertificateStatus status = at("2027-06-01T00:00:00Z").check(ca);

    assertThat(status.validity()).isEqualTo(Validity.VALID);
    assertThat(status.usable()).isTrue();
    assertThat(status.message()).isEqualTo("certificate " + ca + " is valid until 2028-12-25");
  }

  @Test
  void check_withinThirtyDays_isExpiringSoonButUsable() {
    CertificateStatus status = at("2028-12-13T10:06:00Z").check(ca);

    assertThat(status.validity()).isEqualTo(Validity.EXPIRING_SOON);
    assertThat(status.usable()).isTrue();
    assertThat(status.message())
        .isEqualTo("certificate " + ca + " expires on 2028-12-25 (in 12 days)");
  }

  @Test
  void check_customWarningWindow_isHonoured() {
    Clock clock = Clock.fixed(Instant.parse("2028-10-01T00:00:00Z"), ZoneOffset.UTC);

    assertThat(new CertificateExpiryChecker(clock, Duration.ofDays(90)).check(ca).validity())
        .isEqualTo(Validity.EXPIRING_SOON);
    assertThat(new CertificateExpiryChecker(clock).check(ca).validity()).isEqualTo(Validity.VALID);
  }

  @Test
  void check_lastHours_sayLessThanADay() {
    assertThat(at("2028-12-25T01:00:00Z").check(ca).message())
        .isEqualTo("certificate " + ca + " expires on 2028-12-25 (in less than a day)");
  }

  @Test
  void check_afterNotAfter_isExpired() {
    CertificateStatus status = at("2029-01-02T00:00:00Z").check(ca);

    assertThat(status.validity()).isEqualTo(Validity.EXPIRED);
    assertThat(status.usable()).isFalse();
    assertThat(status.message()).isEqualTo("certificate " + ca + " expired on 2028-12-25");
  }

  @Test
  void check_dates_areCalendarDatesInTheClocksZone() {
    Clock kiritimati =
        Clock.fixed(Instant.parse("2029-01-02T00:00:00Z"), ZoneId.of("Pacific/Kiritimati"));

    assertThat(new CertificateExpiryChecker(kiritimati).check(ca).message())
        .isEqualTo("certificate " + ca + " expired on 2028-12-26");
  }

  @Test
  void check_beforeNotBefore_isNotYetValid() {
    CertificateStatus status = at("2026-01-10T10:05:59Z").check(ca);

    assertThat(status.validity()).isEqualTo(Validity.NOT_YET_VALID);
    assertThat(status.usable()).isFalse();
    assertThat(status.message())
        .isEqualTo("certificate " + ca + " is not valid before 2026-01-10, check the system clock");
  }

  @Test
  void check_missingFile_isUnreadable() {
    Path missing = store.resolve("missing.pem");

    CertificateStatus status = at("2027-01-01T00:00:00Z").check(missing);

    assertThat(status.validity()).isEqualTo(Validity.UNREADABLE);
    assertThat(status.message())
        .isEqualTo(
            "certificate "
                + missing
                + " is unreadable: open "
                + missing
                + ": no such file or directory");
  }

  @Test
  void check_garbledPem_isUnreadable() throws IOException {
    Path garbled = store.resolve("garbled.pem");
    Files.writeString(garbled, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    CertificateStatus status = at("2027-01-01T00:00:00Z").check(garbled);

    assertThat(status.validity()).isEqualTo(Validity.UNREADABLE);
    assertThat(status.message())
        .startsWith(
            "certificate "
                + garbled
                + " is unreadable: "
                + garbled
                + ": not a valid X.509 certificate");
  }
}
