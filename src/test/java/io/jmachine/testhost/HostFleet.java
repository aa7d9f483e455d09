package io.jmachine.testhost;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts of one test class, booted in parallel and torn down together. Closing it removes every
 * host it ever tried to boot, so a boot that failed half-way leaves nothing behind either.
 */
final class HostFleet implements ExtensionContext.Store.CloseableResource {

  private static final Logger LOG = LoggerFactory.getLogger(HostFleet.class);
  private static final AtomicInteger NAMES_HANDED_OUT = new AtomicInteger();

  private final HostScripts scripts;
  private final List<String> names;
  private final List<TestHost> hosts = new ArrayList<>();

  HostFleet(HostScripts scripts, List<String> names) {
    this.scripts = scripts;
    this.names = List.copyOf(names);
  }

  static HostFleet withFreshNames(HostScripts scripts, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(uniqueName());
    }
    return new HostFleet(scripts, names);
  }

  /**
   * "jt", this JVM's pid and a counter: unique among concurrent test JVMs without coordination, and
   * at most 12 characters as up.sh requires (a pid has up to 7 digits, the counter in base 36).
   */
  static String uniqueName() {
    return "jt"
        + ProcessHandle.current().pid()
        + "-"
        + Integer.toString(NAMES_HANDED_OUT.incrementAndGet(), 36);
  }

  void boot(boolean docker) {
    long started = System.nanoTime();
    names.forEach(name -> ShutdownReaper.watch(name, scripts));
    List<String> ips = inParallel(names, name -> scripts.up(name, docker));
    for (int i = 0; i < names.size(); i++) {
      hosts.add(new TestHost(scripts, names.get(i), ips.get(i)));
    }
    LOG.info("booted {} in {} ms", hosts, (System.nanoTime() - started) / 1_000_000);
  }

  List<TestHost> hosts() {
    return List.copyOf(hosts);
  }

  @Override
  public void close() {
    long started = System.nanoTime();
    try {
      inParallel(
          names,
          name -> {
            scripts.down(name);
            ShutdownReaper.forget(name);
            return name;
          });
    } finally {
      scripts.netDown();
    }
    LOG.info("tore down {} in {} ms", names, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Applies {@code action} to every name at once and waits for all of them, even when one fails, so
   * no script is still running when the caller cleans up; then rethrows the first failure.
   */
  private static <T> List<T> inParallel(List<String> names, Function<String, T> action) {
    ExecutorService pool = Executors.newFixedThreadPool(names.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (String name : names) {
        futures.add(pool.submit(() -> action.apply(name)));
      }
      List<T> results = new ArrayList<>();
      RuntimeException failure = null;
      for (Future<T> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          RuntimeException cause =
              e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for test hosts", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
