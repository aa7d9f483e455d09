package io.jmachine.provision;

import java.time.Duration;

/** Waiting between attempts; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Pause {
  void sleep(Duration d);
}
