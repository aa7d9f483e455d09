package io.jmachine.machine;

import java.time.Duration;

/** Waiting between polls; tests pass one that does not sleep. */
public interface Sleeper {
  void sleep(Duration d);

  Sleeper REAL =
      d -> {
        try {
          Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new io.jmachine.error.MachineException("interrupted");
        }
      };
}
