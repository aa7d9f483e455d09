package io.jmachine.cert;

import io.jmachine.cert.CertificateStatus.Validity;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reports whether a PEM certificate is valid, expiring soon, expired, not yet valid or unreadable.
 * Uses only the JDK, so {@code ls} and {@code env} can call it without loading BouncyCastle.
 */
public final class CertificateExpiryChecker {
  public static final Duration DEFAULT_WARNING_WINDOW = Duration.ofDays(30);

  private final Clock clock;
  private final Duration warningWindow;

  /** Dates in messages are calendar dates in the clock's zone. */
  public CertificateExpiryChecker(Clock clock, Duration warningWindow) {
    this.clock = clock;
    this.warningWindow = warningWindow;
  }

  public CertificateExpiryChecker(Clock clock) {
    this(clock, DEFAULT_WARNING_WINDOW);
  }

  public CertificateStatus check(Path pemFile) {
    X509Certificate certificate;
    try {
      certificate = PemFiles.readCertificate(pemFile);
    } catch (CertificateFileException e) {
      return status(pemFile, Validity.UNREADABLE, "is unreadable: " + e.getMessage());
    }
    Instant now = clock.instant();
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isBefore(notBefore)) {
      return status(
          pemFile,
          Validity.NOT_YET_VALID,
          "is not valid before " + date(notBefore) + ", check the system clock");
    }
    if (now.isAfter(notAfter)) {
      return status(pemFile, Validity.EXPIRED, "expired on " + date(notAfter));
    }
    Duration left = Duration.between(now, notAfter);
    if (left.compareTo(warningWindow) <= 0) {
      return status(
          pemFile,
          Validity.EXPIRING_SOON,
          "expires on " + date(notAfter) + " (in " + days(left) + ")");
    }
    return status(pemFile, Validity.VALID, "is valid until " + date(notAfter));
  }

  private static CertificateStatus status(Path file, Validity validity, String predicate) {
    return new CertificateStatus(file, validity, "certificate " + file + " " + predicate);
  }

  private LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, clock.getZone());
  }

  private static String days(Duration left) {
    long days = left.toDays();
    if (days == 0) {
      return "less than a day";
    }
    return days == 1 ? "1 day" : days + " days";
  }
}
