package io.jmachine.cert;

import io.jmachine.error.MachineException;

/**
 * The one rule for a CA whose dates are wrong: stop and say how to recover. docker-machine replaced
 * an expired CA silently (#4400), which orphaned every machine signed by it.
 */
final class UsableCa {
  private static final String REGENERATE_HINT =
      "run 'docker-machine regenerate-certs --client-certs [name...]' to issue a new CA and new"
          + " client and server certificates for your machines";

  private UsableCa() {}

  static void require(CertificateStatus caStatus) {
    switch (caStatus.validity()) {
      case VALID, EXPIRING_SOON -> {}
      case NOT_YET_VALID ->
          throw new MachineException(
              "CA " + caStatus.message() + "; if the clock is right, " + REGENERATE_HINT);
      case EXPIRED ->
          throw new MachineException("CA " + caStatus.message() + "; " + REGENERATE_HINT);
      case UNREADABLE ->
          throw new MachineException(
              "CA " + caStatus.message() + "; restore it, or " + REGENERATE_HINT);
    }
  }
}
