package io.jmachine.drivers.plugin;

import io.jmachine.error.MachineException;
import java.util.function.Supplier;

/**
 * A machine's plugin, started by the first call that needs it: loading a machine costs nothing, so
 * `ls` starts plugins inside its parallel, deadline-bound queries. A start that failed is not
 * retried, as every later call would wait for the same dead or silent plugin again.
 */
final class LazyPlugin {
  private final Supplier<PluginClient> launcher;
  // read without the lock, so that asking whether it runs never waits for a start under way
  private volatile PluginClient client;
  private MachineException failure;

  private LazyPlugin(Supplier<PluginClient> launcher, PluginClient client) {
    this.launcher = launcher;
    this.client = client;
  }

  static LazyPlugin onFirstUse(Supplier<PluginClient> launcher) {
    return new LazyPlugin(launcher, null);
  }

  static LazyPlugin started(PluginClient client) {
    return new LazyPlugin(() -> client, client);
  }

  synchronized PluginClient client() {
    if (client == null) {
      if (failure != null) {
        throw failure;
      }
      try {
        client = launcher.get();
      } catch (MachineException e) {
        failure = e;
        throw e;
      }
    }
    return client;
  }

  boolean isStarted() {
    return client != null;
  }
}
