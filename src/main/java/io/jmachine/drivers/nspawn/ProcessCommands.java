package io.jmachine.drivers.nspawn;

import io.jmachine.process.BoundedRun;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs host programs for real, with a deadline; a program that outlives it is killed. */
final class ProcessCommands implements Commands {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final Tools tools;

  ProcessCommands(Tools tools) {
    this.tools = tools;
  }

  @Override
  public Result run(List<String> argv, Map<String, String> env, Duration timeout) {
    List<String> command = new ArrayList<>(argv);
    command.set(0, tools.find(argv.get(0)).map(Object::toString).orElse(argv.get(0)));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PATH", tools.searchPath());
    builder.environment().put("LC_ALL", "C");
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new NspawnException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    }
    BoundedRun.Outcome outcome;
    try {
      outcome = BoundedRun.await(process, timeout, GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NspawnException("interrupted while running " + argv.get(0), e);
    }
    if (outcome.timedOut()) {
      throw new NspawnException(
          String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s");
    }
    return new Result(outcome.exitCode(), outcome.stdout(), outcome.stderr());
  }
}
