package io.jmachine.drivers.plugin;

import io.jmachine.driver.DriverFactory;
import io.jmachine.error.MachineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Drivers served by plugin binaries (`docker-machine-driver-NAME` on PATH), and the plugin
 * processes one command started: all of them are closed when the command ends. Plugins start on any
 * thread (`ls` starts them in its parallel queries); closing waits for a start under way, so no
 * process is forked unseen, and refuses later starts.
 */
public final class PluginDrivers implements AutoCloseable {
  private static final Duration ADDRESS_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, String> environment;
  private final Consumer<String> info;
  private final Consumer<String> debug;
  private final Map<String, Optional<DriverFactory>> factories = new HashMap<>();
  private final List<PluginClient> running = new ArrayList<>();
  private final List<PluginProcess> starting = new ArrayList<>();
  private final ReadWriteLock forking = new ReentrantReadWriteLock();
  private boolean cleanupOnSignal;
  private boolean closed;

  /**
   * @param environment the plugins' environment, and the PATH they are looked up in
   * @param info progress lines (the plugins' stdout)
   * @param debug debug lines (the plugins' stderr)
   */
  public PluginDrivers(
      Map<String, String> environment, Consumer<String> info, Consumer<String> debug) {
    this.environment = Map.copyOf(environment);
    this.info = info;
    this.debug = debug;
  }

  /** The plugin driver of this name, if its binary is on PATH. */
  public synchronized Optional<DriverFactory> find(String name) {
    return factories.computeIfAbsent(
        name, n -> binary(n).map(path -> new PluginDriverFactory(n, path, this)));
  }

  private Optional<Path> binary(String driverName) {
    String file = "docker-machine-driver-" + driverName;
    if (driverName.isEmpty() || driverName.contains("/")) {
      return Optional.empty();
    }
    for (String dir : environment.getOrDefault("PATH", "").split(":", -1)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, file);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** Starts the driver's plugin and hands it a machine's config. */
  PluginClient launch(String driverName, Path path, byte[] rawDriver) {
    synchronized (this) {
      if (!cleanupOnSignal) {
        // a command ended by SIGTERM or SIGINT to its own process (`timeout`, `kill`) never
        // reaches close(); its plugins would run on until their heartbeat runs out
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "plugin cleanup"));
        cleanupOnSignal = true;
      }
    }
    PluginProcess process = fork(driverName, path);
    try {
      PluginClient client = PluginClient.open(process, ADDRESS_TIMEOUT, rawDriver);
      register(client);
      return client;
    } catch (RuntimeException e) {
      process.stop(Duration.ZERO);
      throw e;
    } finally {
      synchronized (this) {
        starting.remove(process);
      }
    }
  }

  private PluginProcess fork(String driverName, Path path) {
    forking.readLock().lock();
    try {
      if (isClosed()) {
        throw ended();
      }
      PluginProcess process = PluginProcess.start(driverName, path, environment, info, debug);
      synchronized (this) {
        starting.add(process);
      }
      return process;
    } finally {
      forking.readLock().unlock();
    }
  }

  private void register(PluginClient client) {
    boolean late;
    synchronized (this) {
      late = closed;
      if (!late) {
        running.add(client);
      }
    }
    if (late) {
      client.close();
      throw ended();
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private static MachineException ended() {
    return new MachineException("The command is ending: plugin not started");
  }

  /** Closes every plugin this command started (docker-machine's CloseDrivers). */
  @Override
  public void close() {
    List<PluginClient> clients;
    List<PluginProcess> unfinished;
    forking.writeLock().lock();
    try {
      synchronized (this) {
        closed = true;
        clients = List.copyOf(running);
        unfinished = List.copyOf(starting);
        running.clear();
        starting.clear();
      }
    } finally {
      forking.writeLock().unlock();
    }
    unfinished.forEach(p -> p.stop(Duration.ZERO));
    clients.parallelStream().forEach(PluginClient::close);
  }
}
