package io.jmachine.drivers.digitalocean;

import io.jmachine.error.MachineException;

/** A DigitalOcean API call that failed; status is 0 when no HTTP answer came. */
final class DigitalOceanApiException extends MachineException {
  private final int status;

  DigitalOceanApiException(String message, int status) {
    super(message);
    this.status = status;
  }

  DigitalOceanApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  int status() {
    return status;
  }

  boolean isNotFound() {
    return status == 404;
  }
}
