package io.jmachine.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a started program up to a deadline while capturing what it writes. A program that
 * outlives the deadline is asked to stop (SIGTERM, to it and its descendants, so that scripts' exit
 * traps can clean up), then killed after a grace period.
 */
public final class BoundedRun {
  /** What the program wrote, and how it ended: its exit code, or {@link #timedOut()}. */
  public record Outcome(boolean timedOut, int exitCode, String stdout, String stderr) {}

  private BoundedRun() {}

  /**
   * Waits for {@code process}; its standard input should already be closed or redirected. When the
   * calling thread is interrupted the program is stopped before the exception is passed on.
   */
  public static Outcome await(Process process, Duration timeout, Duration grace)
      throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread outReader = drain(process.getInputStream(), out);
    Thread errReader = drain(process.getErrorStream(), err);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
        }
        return new Outcome(true, -1, text(out), text(err));
      }
      // a background child that inherited the pipes must not hold us here
      outReader.join(grace.toMillis());
      errReader.join(grace.toMillis());
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      throw e;
    }
    return new Outcome(false, process.exitValue(), text(out), text(err));
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
                // the program is gone; what it wrote so far is all there is
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
