package io.jmachine.machine;

import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs one action on several machines at once (bounded), as docker-machine's multi-machine verbs
 * do; the errors of all machines are reported together, in argument order.
 */
public final class ParallelActions {
  private static final int MAX_PARALLEL = 8;

  private ParallelActions() {}

  public static void runAll(List<Host> hosts, Consumer<Host> action) {
    if (hosts.size() == 1) {
      action.accept(hosts.get(0));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(hosts.size(), MAX_PARALLEL));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Host host : hosts) {
        futures.add(pool.submit(() -> action.accept(host)));
      }
      List<String> errors = new ArrayList<>();
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          errors.add(e.getCause().getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          errors.add("interrupted");
        }
      }
      if (!errors.isEmpty()) {
        throw new MachineException(String.join("\n", errors));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
