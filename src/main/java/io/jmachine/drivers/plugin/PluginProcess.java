package io.jmachine.drivers.plugin;

import io.jmachine.error.MachineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A running plugin binary: started with the plugin token, it prints the address it serves on as its
 * first stdout line; later stdout lines are progress for the user, stderr lines debug output, both
 * prefixed with the machine's name as docker-machine prefixes them.
 */
final class PluginProcess {
  private static final long OUTPUT_DRAIN_MILLIS = 1_000;
  private final Process process;
  private final CompletableFuture<String> address = new CompletableFuture<>();
  private final Thread stdout;
  private final Thread stderr;
  private volatile String machineName = "";

  private PluginProcess(Process process, Consumer<String> info, Consumer<String> debug) {
    this.process = process;
    this.stdout =
        pump(
            process.getInputStream(),
            line -> onStdout(line, info),
            () -> address.complete(""),
            "stdout");
    this.stderr =
        pump(
            process.getErrorStream(),
            line -> debug.accept(prefix() + "DBG | " + line),
            () -> {},
            "stderr");
  }

  static PluginProcess start(
      String driverName,
      Path binary,
      Map<String, String> environment,
      Consumer<String> info,
      Consumer<String> debug) {
    ProcessBuilder builder = new ProcessBuilder(binary.toString());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().put("MACHINE_PLUGIN_TOKEN", "42");
    builder.environment().put("MACHINE_PLUGIN_DRIVER_NAME", driverName);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      return new PluginProcess(builder.start(), info, debug);
    } catch (IOException e) {
      throw new MachineException("Error starting plugin binary: " + e.getMessage(), e);
    }
  }

  private void onStdout(String line, Consumer<String> info) {
    if (!address.isDone()) {
      address.complete(line.strip());
    } else {
      info.accept(prefix() + line);
    }
  }

  private String prefix() {
    return "(" + machineName + ") ";
  }

  private static Thread pump(
      InputStream stream, Consumer<String> lines, Runnable atEnd, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  lines.accept(line);
                }
              } catch (IOException e) {
                // the plugin went away: nothing more to show
              }
              atEnd.run();
            },
            "plugin-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * The address from the first stdout line; "" when the plugin ended its output without one, as
   * Go's scanner gives docker-machine.
   */
  String address(Duration timeout) {
    try {
      return address.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new MachineException(
          "Failed to dial the plugin server in " + timeout.toSeconds() + "s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MachineException("Interrupted while waiting for the plugin server", e);
    } catch (ExecutionException e) {
      throw new MachineException(e.getCause().getMessage(), e.getCause());
    }
  }

  void machineName(String name) {
    machineName = name;
  }

  /** Waits for the plugin to exit by itself, then ends it; its output is shown to the end. */
  void stop(Duration grace) {
    address.complete("");
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor();
        }
      }
      // the pipes close with the process; the last lines are still being shown
      stdout.join(OUTPUT_DRAIN_MILLIS);
      stderr.join(OUTPUT_DRAIN_MILLIS);
    } catch (InterruptedException e) {
      // `ls` interrupts queries at its deadline; the plugin must be gone before the command ends
      process.destroyForcibly().onExit().join();
      Thread.currentThread().interrupt();
    }
  }
}
