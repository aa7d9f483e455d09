package io.jmachine.machine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, a SIGTERM or SIGINT sent to this process (by `timeout`, `kill`, a CI runner ending a
 * job) interrupts the thread that opened it and waits, up to a grace period, until it is closed,
 * before the JVM goes down. A create uses it so that what the driver made so far (a droplet's or
 * instance's id) reaches config.json and `rm` can remove it, instead of being left running and
 * unrecorded (docker-machine #3555, leftover GitLab Runner instances).
 */
final class FinishOnSignal implements AutoCloseable {
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private FinishOnSignal(Thread worker, Duration grace) {
    this.hook =
        new Thread(
            () -> {
              worker.interrupt();
              try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "finish before exit");
  }

  static FinishOnSignal open(Duration grace) {
    FinishOnSignal guard = new FinishOnSignal(Thread.currentThread(), grace);
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running and has just been released
    }
  }
}
