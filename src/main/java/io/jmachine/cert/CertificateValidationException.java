package io.jmachine.cert;

import io.jmachine.error.MachineException;

/**
 * docker-machine's ErrCertInvalid, word for word (the message ends with a newline, so the printed
 * error ends with a blank line). Callers prefix it, e.g. {@code Error checking TLS connection: }.
 */
public class CertificateValidationException extends MachineException {
  public CertificateValidationException(String hostPort, String cause, Throwable throwable) {
    super(
        "There was an error validating certificates for host \""
            + hostPort
            + "\": "
            + cause
            + "\nYou can attempt to regenerate them using 'docker-machine regenerate-certs [name]'."
            + "\nBe advised that this will trigger a Docker daemon restart which might stop running"
            + " containers.\n",
        throwable);
  }
}
