package io.jmachine.drivers.nspawn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive flock(2) on a file, held by a small `flock` child for as long as we keep its stdin
 * open. flock locks belong to one open file, so two threads of this JVM exclude each other as two
 * processes do (Java's own FileLock is per process and may even be dropped when another channel on
 * the same file closes), shell scripts can take the same lock, and a crash of this process closes
 * the pipe and so releases the lock.
 */
final class HeldLock implements AutoCloseable {
  private static final String HELD = "locked";

  private final Process holder;

  private HeldLock(Process holder) {
    this.holder = holder;
  }

  /** Blocks until the lock is ours, or fails after {@code timeout} naming {@code what} waits. */
  static HeldLock acquire(Tools tools, Path file, Duration timeout, String what) {
    String flock = tools.find("flock").map(Path::toString).orElse("flock");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                flock,
                "-x",
                "-w",
                Long.toString(Math.max(1, timeout.toSeconds())),
                file.toString(),
                "sh",
                "-c",
                "echo " + HELD + "; exec cat >/dev/null"));
    builder.environment().put("PATH", tools.searchPath());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new NspawnException("cannot lock " + file + ": " + e.getMessage(), e);
    }
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
      String line = out.readLine();
      if (HELD.equals(line)) {
        return new HeldLock(process);
      }
      process.waitFor(5, TimeUnit.SECONDS);
      String err =
          new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      throw new NspawnException(
          "gave up waiting for "
              + what
              + " after "
              + timeout.toSeconds()
              + " s (lock "
              + file
              + (err.isEmpty() ? "" : ": " + err)
              + ")");
    } catch (IOException e) {
      process.destroy();
      throw new NspawnException("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new NspawnException("interrupted while waiting for " + what, e);
    }
  }

  /** Runs {@code body} while holding the lock, then lets it go. */
  void run(Runnable body) {
    try {
      body.run();
    } finally {
      close();
    }
  }

  <T> T call(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    try (OutputStream in = holder.getOutputStream()) {
      in.flush();
    } catch (IOException e) {
      holder.destroy(); // the pipe is broken: ending the holder releases the lock as well
    }
    try {
      if (!holder.waitFor(5, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    } catch (InterruptedException e) {
      holder.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
