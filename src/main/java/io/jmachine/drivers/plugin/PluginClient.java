package io.jmachine.drivers.plugin;

import io.jmachine.error.MachineException;
import io.jmachine.gob.GobType;
import io.jmachine.gob.GobType.Basic;
import io.jmachine.netrpc.GoRpcClient;
import io.jmachine.netrpc.RpcException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One plugin binary serving one machine's driver, as libmachine's RPC client driver talks to it:
 * version check, a heartbeat every 5 s (the plugin quits after 10 s without one), the driver's
 * stored config handed over, and Close at the end.
 */
final class PluginClient {
  static final int API_VERSION = 1;
  private static final String SERVICE = "RPCServerDriver";

  /** The service's name before docker-machine 0.5.1. */
  private static final String OLD_SERVICE = "RpcServerDriver";

  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  private final PluginProcess process;
  private final GoRpcClient rpc;
  private final ScheduledExecutorService heartbeat;
  private String service = SERVICE;
  private String machineName = "";

  private PluginClient(PluginProcess process, GoRpcClient rpc) {
    this.process = process;
    this.rpc = rpc;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "plugin-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Dials the started plugin and hands it the driver's config (JSON). */
  static PluginClient open(PluginProcess process, Duration addressTimeout, byte[] rawDriver) {
    GoRpcClient rpc = GoRpcClient.dialHttp(process.address(addressTimeout));
    PluginClient client = new PluginClient(process, rpc);
    try {
      client.handshake(rawDriver);
      return client;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private void handshake(byte[] rawDriver) {
    long version;
    try {
      version = integer("GetVersion");
    } catch (RpcException e) {
      service = OLD_SERVICE;
      version = integer("GetVersion");
    }
    if (version != API_VERSION) {
      throw new MachineException(
          "Driver binary uses an incompatible API version (" + version + ")");
    }
    long period = HEARTBEAT.toMillis();
    heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    setConfigRaw(rawDriver);
  }

  private void beat() {
    try {
      call("Heartbeat");
    } catch (RpcException e) {
      heartbeat.shutdown(); // the plugin is gone: the next call reports it
    }
  }

  void setConfigRaw(byte[] rawDriver) {
    call("SetConfigRaw", Basic.BYTES, rawDriver);
    machineName = string("GetMachineName");
    process.machineName(machineName);
  }

  String machineName() {
    return machineName;
  }

  Object call(String method, GobType argType, Object arg) {
    return rpc.call(service + "." + method, argType, arg);
  }

  Object call(String method) {
    return call(method, GoRpcClient.NO_ARGUMENT, null);
  }

  String string(String method) {
    Object reply = call(method);
    return reply instanceof String text ? text : "";
  }

  long integer(String method) {
    Object reply = call(method);
    return reply instanceof Number number ? number.longValue() : 0;
  }

  byte[] bytes(String method) {
    Object reply = call(method);
    return reply instanceof byte[] data ? data : new byte[0];
  }

  /**
   * Close makes the plugin exit at once, often before it answers; whatever happens, the process is
   * ended here.
   */
  void close() {
    heartbeat.shutdownNow();
    Duration grace = Duration.ZERO;
    try {
      rpc.call(service + ".Close", GoRpcClient.NO_ARGUMENT, null, CLOSE_WAIT_MILLIS);
      grace = Duration.ofMillis(CLOSE_WAIT_MILLIS);
    } catch (RpcException e) {
      grace = Duration.ofMillis(CLOSE_WAIT_MILLIS); // the usual end: it exited while answering
    } catch (TimeoutException e) {
      // a plugin that does not close is ended below
    }
    rpc.close();
    process.stop(grace);
  }
}
