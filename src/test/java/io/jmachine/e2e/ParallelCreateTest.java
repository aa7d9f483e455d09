package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate jmachine processes on one empty store (docker-machine #3634, #4005): all creates
 * succeed, the CA is bootstrapped once, and a name claimed twice at once has one winner.
 */
class ParallelCreateTest {
  private static final int PROCESSES = 20;
  @TempDir Path dir;

  @Test
  void twentyProcesses_createDistinctMachines_allSucceedOnOneCa() throws Exception {
    Path bin = Tools.dockerMachineScript(dir);
    Path store = dir.resolve("store");
    Map<String, String> env = Map.of("MACHINE_STORAGE_PATH", store.toString(), "USER", "par");

    List<Tools.Result> results =
        inParallel(
            i ->
                List.of(
                    bin.toString(),
                    "create",
                    "-d",
                    "none",
                    "--url",
                    "tcp://127.0.0.1:" + (3000 + i),
                    "m" + i),
            env);

    for (Tools.Result r : results) {
      assertThat(r.exit()).as(r.err()).isZero();
    }
    long caAnnouncements = results.stream().filter(r -> r.out().contains("Creating CA: ")).count();
    assertThat(caAnnouncements).isEqualTo(1);
    Tools.Result ls = Tools.run(List.of(bin.toString(), "ls", "-q"), dir, env);
    assertThat(ls.out().lines()).hasSize(PROCESSES);
    for (int i = 0; i < PROCESSES; i++) {
      Path machine = store.resolve("machines/m" + i);
      assertThat(Files.readString(machine.resolve("ca.pem")))
          .isEqualTo(Files.readString(store.resolve("certs/ca.pem")));
      Tools.Result url = Tools.run(List.of(bin.toString(), "url", "m" + i), dir, env);
      assertThat(url.out()).isEqualTo("tcp://127.0.0.1:" + (3000 + i) + "\n");
    }
    try (var leftovers = Files.walk(store)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp")))
          .isEmpty();
    }
  }

  @Test
  void sameNameFromSeveralProcesses_exactlyOneWins() throws Exception {
    Path bin = Tools.dockerMachineScript(dir);
    Path store = dir.resolve("store");
    Map<String, String> env = Map.of("MACHINE_STORAGE_PATH", store.toString(), "USER", "par");

    List<Tools.Result> results =
        inParallel(
            i ->
                List.of(
                    bin.toString(),
                    "create",
                    "-d",
                    "none",
                    "--url",
                    "tcp://127.0.0.1:" + (4000 + i),
                    "same"),
            env,
            6);

    assertThat(results.stream().filter(r -> r.exit() == 0)).hasSize(1);
    assertThat(results.stream().filter(r -> r.exit() != 0))
        .allSatisfy(r -> assertThat(r.err()).isEqualTo("Docker machine \"same\" already exists\n"));
    Tools.Result url = Tools.run(List.of(bin.toString(), "url", "same"), dir, env);
    assertThat(url.exit()).isZero();
  }

  private List<Tools.Result> inParallel(
      java.util.function.IntFunction<List<String>> command, Map<String, String> env)
      throws Exception {
    return inParallel(command, env, PROCESSES);
  }

  private List<Tools.Result> inParallel(
      java.util.function.IntFunction<List<String>> command, Map<String, String> env, int count)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<Tools.Result>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        List<String> argv = command.apply(i);
        futures.add(pool.submit(() -> Tools.run(argv, dir, env)));
      }
      List<Tools.Result> results = new ArrayList<>();
      for (Future<Tools.Result> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
