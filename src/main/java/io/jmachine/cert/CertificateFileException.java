package io.jmachine.cert;

import io.jmachine.error.MachineException;

/** A certificate or key file that cannot be read, parsed or written; the message names the file. */
public class CertificateFileException extends MachineException {
  public CertificateFileException(String message) {
    super(message);
  }

  public CertificateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
