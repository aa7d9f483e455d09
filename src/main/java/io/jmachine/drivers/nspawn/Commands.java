package io.jmachine.drivers.nspawn;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The seam to the host's programs (ip, mount, systemd-nspawn, ...): run one to completion. */
interface Commands {

  /** What a finished program left behind. */
  record Result(int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }

    /** stderr, else stdout, trimmed: what to quote in an error message. */
    String reason() {
      String text = err.isBlank() ? out : err;
      return text.strip();
    }
  }

  /**
   * Runs {@code argv} with extra environment variables; a non-zero exit is a result, not an error.
   */
  Result run(List<String> argv, Map<String, String> env, Duration timeout);

  default Result run(List<String> argv, Duration timeout) {
    return run(argv, Map.of(), timeout);
  }

  /** Runs {@code argv} and fails with {@code what} and the program's own words if it fails. */
  default Result check(String what, List<String> argv, Duration timeout) {
    Result result = run(argv, timeout);
    if (!result.ok()) {
      throw new NspawnException(what + ": " + result.reason());
    }
    return result;
  }
}
