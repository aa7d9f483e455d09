package io.jmachine.testhost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread stdoutReader = drain(process.getInputStream(), stdout);
    Thread stderrReader = drain(process.getErrorStream(), stderr);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // SIGTERM first, so the scripts' exit traps clean up what they had started; children too,
        // as bash runs a trap only once its current child (debootstrap, ssh) has finished
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
        }
        throw new IllegalStateException(
            command + " timed out after " + timeout + ": " + text(stderr) + text(stdout));
      }
      // a background child that inherited the pipes must not hold us forever
      stdoutReader.join(GRACE.toMillis());
      stderrReader.join(GRACE.toMillis());
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    return new CommandResult(process.exitValue(), text(stdout), text(stderr));
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  synchronized (sink) {
                    sink.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // the process is gone; whatever it wrote so far is all there is
              }
            },
            "process-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static String text(ByteArrayOutputStream sink) {
    synchronized (sink) {
      return sink.toString(StandardCharsets.UTF_8);
    }
  }
}
