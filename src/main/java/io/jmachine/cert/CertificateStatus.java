package io.jmachine.cert;

import java.nio.file.Path;

/**
 * What a certificate file's validity period means at one moment.
 *
 * @param message one line for humans that names the file and, where known, the relevant date, e.g.
 *     {@code certificate /x/ca.pem expired on 2026-01-02}
 */
public record CertificateStatus(Path file, Validity validity, String message) {

  /** Ordered from good to bad. */
  public enum Validity {
    VALID,
    /** Still valid, but expires within the warning window. */
    EXPIRING_SOON,
    EXPIRED,
    /** Usually a wrong system clock. */
    NOT_YET_VALID,
    /** Missing, unreadable, or not a PEM certificate. */
    UNREADABLE
  }

  /** Whether a TLS peer would accept the certificate's dates right now. */
  public boolean usable() {
    return validity == Validity.VALID || validity == Validity.EXPIRING_SOON;
  }
}
