package io.jmachine.drivers.nspawn;

import static io.jmachine.drivers.nspawn.NspawnTestSupport.createMachine;
import static io.jmachine.drivers.nspawn.NspawnTestSupport.ssh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.driver.Driver;
import io.jmachine.driver.MachineState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Addresses: distinct under concurrency, reachable between machines, and running out cleanly. */
class NspawnNetworkTest {
  private final List<Path> stores = new ArrayList<>();

  @BeforeAll
  static void machinesCanRun() {
    NspawnTestSupport.requireMachines();
  }

  @BeforeEach
  void newStore() throws IOException {
    stores.add(NspawnTestSupport.newStore());
  }

  @AfterEach
  void removeEverything() {
    stores.forEach(NspawnTestSupport::removeStore);
  }

  @Test
  void threeConcurrentCreates_getDistinctAddresses_andReachEachOther() throws Exception {
    Path store = stores.get(0);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Driver>> creates = new ArrayList<>();
    for (String name : List.of("net1", "net2", "net3")) {
      creates.add(pool.submit(() -> createMachine(store, name, Map.of())));
    }
    List<Driver> machines = new ArrayList<>();
    try {
      for (Future<Driver> create : creates) {
        machines.add(create.get());
      }
    } finally {
      pool.shutdown();
    }
    List<String> ips = machines.stream().map(Driver::getIp).toList();
    assertThat(new HashSet<>(ips)).hasSize(3);

    // a machine of another store (another user of the host) gets yet another address
    Path other = NspawnTestSupport.newStore();
    stores.add(other);
    Driver stranger = createMachine(other, "net1", Map.of());
    assertThat(ips).doesNotContain(stranger.getIp());

    for (Driver from : machines) {
      assertThat(from.getState()).isEqualTo(MachineState.RUNNING);
      for (String to : ips) {
        // no ping in the image: read the other machine's SSH banner over TCP
        NspawnTestSupport.Result banner =
            ssh(from, "timeout 5 bash -c 'exec 3<>/dev/tcp/" + to + "/22; head -c 4 <&3'");
        assertThat(banner.out())
            .as("%s -> %s: %s", from.getIp(), to, banner.err())
            .isEqualTo("SSH-");
      }
    }
  }

  @Test
  void fullSubnet_failsWithAdvice_andRemoveFreesTheAddress() throws IOException {
    Path store = stores.get(0);
    // a /30 holds one machine; per test JVM another one, as several may run on this host, low
    // in the test range, as machines of the whole range take addresses from the top down
    int base = 132 + 4 * (int) (ProcessHandle.current().pid() % 12);
    String subnet = "198.51.100." + base + "/30";
    String only = "198.51.100." + (base + 2);
    Map<String, Object> tiny = Map.of("nspawn-subnet", subnet);
    Driver first = createMachine(store, "tiny1", tiny);
    assertThat(first.getIp()).isEqualTo(only);

    assertThatThrownBy(() -> createMachine(store, "tiny2", tiny))
        .hasMessage(
            "no free address left in subnet "
                + subnet
                + " (all 1 are taken): remove a machine, or create this one with a larger"
                + " --nspawn-subnet");
    NspawnTestSupport.load(store, "tiny2").remove();

    first.remove();
    Driver next = createMachine(store, "tiny3", tiny);
    assertThat(next.getIp()).isEqualTo(only);
  }
}
