package io.jmachine.drivers.amazonec2;

import io.jmachine.error.MachineException;

/** An EC2 call that failed; code is EC2's error code, "" when no EC2 answer came. */
final class Ec2ApiException extends MachineException {
  private final String code;

  Ec2ApiException(String code, String message, Throwable cause) {
    super(code.isEmpty() ? message : code + ": " + message, cause);
    this.code = code;
  }

  String code() {
    return code;
  }
}
