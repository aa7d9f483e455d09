package io.jmachine.testhost;

import io.jmachine.process.BoundedRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs local commands to completion within a deadline, capturing their output. */
final class ProcessRunner {

  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Map<String, String> environment;

  ProcessRunner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  CommandResult run(List<String> command, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    BoundedRun.Outcome outcome;
    try {
      outcome = BoundedRun.await(process, timeout, GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    if (outcome.timedOut()) {
      throw new IllegalStateException(
          command + " timed out after " + timeout + ": " + outcome.stderr() + outcome.stdout());
    }
    return new CommandResult(outcome.exitCode(), outcome.stdout(), outcome.stderr());
  }
}
