package io.jmachine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BoundedRunTest {
  private static final Duration GRACE = Duration.ofSeconds(2);

  @Test
  void await_programThatFinishes_returnsItsExitCodeAndBothStreams() throws Exception {
    Process process = start("printf out; printf err >&2; exit 7");

    BoundedRun.Outcome outcome = BoundedRun.await(process, Duration.ofSeconds(30), GRACE);

    assertThat(outcome).isEqualTo(new BoundedRun.Outcome(false, 7, "out", "err"));
  }

  @Test
  void await_programPastItsDeadline_stopsItAndItsChildren() throws Exception {
    Process process = start("printf started; sleep 60 & wait");
    Thread.sleep(300); // the shell has forked its sleep by now
    List<ProcessHandle> children = process.descendants().toList();

    BoundedRun.Outcome outcome = BoundedRun.await(process, Duration.ofMillis(200), GRACE);

    assertThat(outcome.timedOut()).isTrue();
    assertThat(outcome.stdout()).isEqualTo("started");
    assertThat(process.isAlive()).isFalse();
    assertThat(children).isNotEmpty();
    for (ProcessHandle child : children) {
      // a killed child is gone once whoever inherited it has reaped it
      child.onExit().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(30)
  void await_backgroundChildKeepingThePipes_returnsOnceTheProgramHasEnded() throws Exception {
    Process process = start("sleep 60 & echo $!");
    BoundedRun.Outcome outcome = null;
    try {
      outcome = BoundedRun.await(process, Duration.ofSeconds(30), GRACE);
    } finally {
      long child = Long.parseLong(outcome == null ? "0" : outcome.stdout().strip());
      ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }

    assertThat(outcome.timedOut()).isFalse();
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.stdout()).matches("[0-9]+\n");
  }

  private static Process start(String script) throws IOException {
    Process process = new ProcessBuilder("sh", "-c", script).start();
    process.getOutputStream().close();
    return process;
  }
}
