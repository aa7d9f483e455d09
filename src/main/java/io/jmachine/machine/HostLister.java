package io.jmachine.machine;

import io.jmachine.driver.Driver;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.store.FileMachineStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What `ls` and `active` show. Every machine is queried at once on a bounded pool against one
 * shared deadline, so the whole listing takes about --timeout however many machines are slow or
 * unreachable; a machine that has not answered by then is a Timeout row.
 */
public final class HostLister {
  private static final int MAX_PARALLEL = 64;
  private static final String NOT_RUNNING = "Host is not running";

  private final FileMachineStore store;
  private final EngineVersionProbe versions;
  private final CertificateHealth certificates;
  private final String dockerHost;

  public HostLister(
      FileMachineStore store,
      EngineVersionProbe versions,
      CertificateHealth certificates,
      String dockerHost) {
    this.store = store;
    this.versions = versions;
    this.certificates = certificates;
    this.dockerHost = dockerHost;
  }

  /** Loaded machines and the rows of those that failed to load. */
  public record Loaded(List<Host> hosts, List<HostListItem> broken) {}

  public Loaded load() {
    List<Host> hosts = new ArrayList<>();
    List<HostListItem> broken = new ArrayList<>();
    for (String name : store.names()) {
      try {
        hosts.add(store.load(name));
      } catch (MachineException e) {
        broken.add(
            new HostListItem(
                name,
                "",
                false,
                false,
                "not found",
                MachineState.ERROR.label(),
                "",
                null,
                "",
                null,
                e.getMessage().replace("\n", ""),
                "",
                Duration.ZERO));
      }
    }
    return new Loaded(hosts, broken);
  }

  /** Applies the filters; asks for states (in parallel) only when a state filter needs them. */
  public List<Host> filter(List<Host> hosts, ListFilters filters, Duration timeout) {
    Map<String, String> masters = mastersByDiscovery(hosts);
    Map<Host, String> states = new HashMap<>();
    if (filters.needsState()) {
      List<String> found =
          inParallel(
              hosts,
              host -> host.driver().getState().label(),
              host -> MachineState.TIMEOUT.label(),
              host -> MachineState.ERROR.label(),
              timeout);
      for (int i = 0; i < hosts.size(); i++) {
        states.put(hosts.get(i), found.get(i));
      }
    }
    List<Host> kept = new ArrayList<>();
    for (Host host : hosts) {
      if (filters.matches(host, states.getOrDefault(host, ""), masters)) {
        kept.add(host);
      }
    }
    return kept;
  }

  /** Queries every machine and returns the rows sorted by name, broken ones included. */
  public List<HostListItem> rows(List<Host> hosts, List<HostListItem> broken, Duration timeout) {
    return rows(hosts, broken, timeout, true);
  }

  /**
   * Rows for `active`, which needs each machine's state and URL only: its engine is not asked for
   * its version (a TLS handshake per running machine) and its certificates are not read.
   */
  public List<HostListItem> activeCandidates(List<Host> hosts, Duration timeout) {
    return rows(hosts, List.of(), timeout, false);
  }

  private List<HostListItem> rows(
      List<Host> hosts, List<HostListItem> broken, Duration timeout, boolean askEngines) {
    Map<String, String> masters = mastersByDiscovery(hosts);
    List<HostListItem> rows =
        new ArrayList<>(
            inParallel(
                hosts,
                host -> query(host, masters, askEngines),
                host -> timedOut(host, timeout),
                host -> failed(host, masters),
                timeout));
    rows.addAll(broken);
    rows.sort((a, b) -> new NaturalOrder().compare(a.name(), b.name()));
    return rows;
  }

  private HostListItem query(Host host, Map<String, String> masters, boolean askEngine) {
    long start = System.nanoTime();
    Driver driver = host.driver();
    String url = "";
    String error = "";
    MachineState state;
    MachineException urlError = null;
    try {
      url = driver.getUrl();
    } catch (MachineException e) {
      urlError = e;
      error = e.getMessage();
    }
    if (urlError == null && !url.isEmpty()) {
      state = MachineState.RUNNING;
    } else {
      try {
        state = driver.getState();
      } catch (MachineException e) {
        state = MachineState.ERROR;
        if (urlError == null) {
          error = e.getMessage();
        }
      }
    }
    String dockerVersion = "Unknown";
    if (askEngine && urlError == null && !url.isEmpty()) {
      try {
        dockerVersion = "v" + versions.version(url, host.options().authOptions());
      } catch (MachineException e) {
        error = "Unable to query docker version: " + e.getMessage();
      }
    }
    if (error.equals(NOT_RUNNING)) {
      error = "";
    }
    if (askEngine) {
      // an expired or soon-expiring certificate explains more than the failure it causes
      error = certificates.problem(host.options().authOptions()).orElse(error);
    }
    // a create or provision that did not finish outweighs both (docker-machine #119)
    var unfinished = ProvisionStatus.read(store.machineDir(host.name()), host.name());
    if (unfinished.isPresent()) {
      state = unfinished.get().state();
      error = unfinished.get().error();
    }
    boolean activeHost = state == MachineState.RUNNING && url.equals(dockerHost);
    boolean activeSwarm =
        host.options().swarmOptions().master()
            && state == MachineState.RUNNING
            && swarmUrl(url, host.options().swarmOptions().host()).equals(dockerHost);
    String active = activeSwarm ? "* (swarm)" : activeHost ? "*" : "-";
    Duration took = Duration.ofMillis((System.nanoTime() - start) / 1_000_000);
    return new HostListItem(
        host.name(),
        active,
        activeHost,
        activeSwarm,
        host.driver().driverName(),
        state.label(),
        url,
        host.options().swarmOptions(),
        swarmColumn(host, masters),
        host.options().engineOptions(),
        error,
        dockerVersion,
        took);
  }

  private static HostListItem timedOut(Host host, Duration timeout) {
    return new HostListItem(
        host.name(),
        "",
        false,
        false,
        host.driver().driverName(),
        MachineState.TIMEOUT.label(),
        "",
        null,
        "",
        null,
        "",
        "",
        timeout);
  }

  private static HostListItem failed(Host host, Map<String, String> masters) {
    return new HostListItem(
        host.name(),
        "",
        false,
        false,
        host.driver().driverName(),
        MachineState.ERROR.label(),
        "",
        host.options().swarmOptions(),
        swarmColumn(host, masters),
        host.options().engineOptions(),
        "internal error while querying the machine",
        "",
        Duration.ZERO);
  }

  /** The engine URL with its port replaced by the swarm master's port. */
  static String swarmUrl(String url, String swarmHost) {
    int urlPort = url.lastIndexOf(':');
    int swarmPort = swarmHost.lastIndexOf(':');
    if (urlPort < 0 || swarmPort < 0) {
      return url;
    }
    return url.replaceFirst(
        java.util.regex.Pattern.quote(url.substring(urlPort)),
        java.util.regex.Matcher.quoteReplacement(swarmHost.substring(swarmPort)));
  }

  private static String swarmColumn(Host host, Map<String, String> masters) {
    String discovery = host.options().swarmOptions().discovery();
    if (discovery.isEmpty()) {
      return "";
    }
    String master = masters.getOrDefault(discovery, "");
    return host.options().swarmOptions().master() ? master + " (master)" : master;
  }

  private static Map<String, String> mastersByDiscovery(List<Host> hosts) {
    Map<String, String> masters = new HashMap<>();
    for (Host host : hosts) {
      if (host.options().swarmOptions().master()) {
        masters.put(host.options().swarmOptions().discovery(), host.name());
      }
    }
    return masters;
  }

  /** Runs one task per host against a single deadline; late or failed ones get fallbacks. */
  private static <T> List<T> inParallel(
      List<Host> hosts,
      Function<Host, T> task,
      Function<Host, T> onTimeout,
      Function<Host, T> onFailure,
      Duration timeout) {
    if (hosts.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(hosts.size(), MAX_PARALLEL),
            r -> {
              Thread t = new Thread(r, "ls-query");
              t.setDaemon(true); // a hung query must not keep the process alive
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Host host : hosts) {
        futures.add(pool.submit(() -> task.apply(host)));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      List<T> results = new ArrayList<>();
      for (int i = 0; i < hosts.size(); i++) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
          results.add(futures.get(i).get(left, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          results.add(onTimeout.apply(hosts.get(i)));
        } catch (ExecutionException e) {
          results.add(onFailure.apply(hosts.get(i)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          results.add(onTimeout.apply(hosts.get(i)));
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
