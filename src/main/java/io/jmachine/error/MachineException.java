package io.jmachine.error;

/**
 * An error the user can act on. The message is printed as is (docker-machine's wording where it has
 * one), so it must say what went wrong and, where possible, what to run next.
 */
public class MachineException extends RuntimeException {
  public MachineException(String message) {
    super(message);
  }

  public MachineException(String message, Throwable cause) {
    super(message, cause);
  }
}
