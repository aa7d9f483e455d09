package io.jmachine.testhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

  private final ProcessRunner runner = new ProcessRunner(Map.of("GREETING", "hello"));

  @Test
  void run_finishedCommand_returnsExitCodeAndBothOutputs() {
    CommandResult result =
        runner.run(
            List.of("sh", "-c", "echo \"$GREETING\"; echo oops >&2; exit 4"),
            Duration.ofSeconds(10));

    assertThat(result).isEqualTo(new CommandResult(4, "hello\n", "oops\n"));
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void run_pastTheDeadline_terminatesTheCommandAndItsChildren(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path childPid = dir.resolve("child.pid");

    assertThatThrownBy(
            () ->
                runner.run(
                    List.of("sh", "-c", "sleep 60 & echo $! > " + childPid + "; wait"),
                    Duration.ofMillis(500)))
        .hasMessageContaining("timed out");

    long pid = Long.parseLong(Files.readString(childPid).strip());
    assertThat(waitUntilGone(pid)).as("sleep %d still running", pid).isTrue();
  }

  @Test
  void orThrow_failedCommand_namesItWithItsErrorOutput() {
    CommandResult failed = new CommandResult(2, "", "no such host\n");

    assertThatThrownBy(() -> failed.orThrow("down.sh jt1"))
        .hasMessage("down.sh jt1 failed with exit code 2: no such host");
  }

  /** An orphan is reaped by PID 1 in its own time; a zombie counts as gone. */
  private static boolean waitUntilGone(long pid) throws IOException, InterruptedException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    for (int i = 0; i < 50; i++) {
      String state;
      try {
        state = Files.readString(stat);
      } catch (NoSuchFileException e) {
        return true;
      }
      if (state.substring(state.lastIndexOf(')') + 2).startsWith("Z")) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
