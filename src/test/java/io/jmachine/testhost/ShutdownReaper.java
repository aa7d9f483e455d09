package io.jmachine.testhost;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort: tears down at JVM exit whatever hosts their test class did not (System.exit in a
 * test, Ctrl-C). Global because a shutdown hook is; a JVM killed outright leaves its hosts to the
 * next up.sh, which reclaims hosts whose owner process is gone.
 */
final class ShutdownReaper {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownReaper.class);
  private static final Map<String, HostScripts> LIVE_HOSTS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ShutdownReaper::reap, "testhost-reaper"));
  }

  private ShutdownReaper() {}

  static void watch(String name, HostScripts scripts) {
    LIVE_HOSTS.put(name, scripts);
  }

  static void forget(String name) {
    LIVE_HOSTS.remove(name);
  }

  private static void reap() {
    LIVE_HOSTS.forEach(
        (name, scripts) -> {
          LOG.warn("tearing down test host {} at JVM exit", name);
          try {
            scripts.down(name);
            scripts.netDown();
          } catch (RuntimeException e) {
            LOG.error("could not tear down test host {}", name, e);
          }
        });
  }
}
