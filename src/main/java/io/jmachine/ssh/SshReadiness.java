package io.jmachine.ssh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits until a machine answers over SSH, within one overall deadline (docker-machine retried for
 * up to ~40 minutes). Only transport failures are retried: once `exit 0` runs, the machine is
 * ready, and a failing remote command is never a reason to wait.
 */
public final class SshReadiness {
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(3);
  private static final Duration PAUSE = Duration.ofSeconds(1);

  private final SshConnector connector;
  private final Clock clock;

  public SshReadiness(SshConnector connector, Clock clock) {
    this.connector = connector;
    this.clock = clock;
  }

  /** Returns once SSH works; throws the last transport failure when the deadline passes first. */
  public void waitForSsh(SshTarget target, Duration deadline) {
    Instant end = clock.instant().plus(deadline);
    ExecutorService attempts =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ssh-readiness");
              t.setDaemon(true);
              return t;
            });
    try {
      SshTransportException last = null;
      while (true) {
        Duration left = Duration.between(clock.instant(), end);
        if (left.isNegative() || left.isZero()) {
          throw timedOut(target, deadline, last);
        }
        try {
          attempt(attempts, target, left);
          return;
        } catch (SshTransportException e) {
          last = e;
        }
        sleep(min(PAUSE, Duration.between(clock.instant(), end)));
      }
    } finally {
      attempts.shutdownNow();
    }
  }

  /** One `exit 0`, abandoned (its client closed) when it outlives the time left. */
  private void attempt(ExecutorService attempts, SshTarget target, Duration left) {
    SshClient client = connector.open(target);
    try {
      Future<SshResult> result = attempts.submit(() -> client.run("exit 0"));
      result.get(left.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new SshTransportException("no answer from " + target.address() + " in time", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshTransportException("Interrupted while waiting for SSH", e);
    } finally {
      client.close();
    }
  }

  private static SshTransportException timedOut(
      SshTarget target, Duration deadline, SshTransportException last) {
    return new SshTransportException(
        "Timed out after "
            + deadline.toSeconds()
            + " s waiting for SSH on "
            + target.address()
            + (last == null ? "" : ": " + last.getMessage()),
        last);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration pause) {
    if (pause.isNegative() || pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshTransportException("Interrupted while waiting for SSH", e);
    }
  }
}
