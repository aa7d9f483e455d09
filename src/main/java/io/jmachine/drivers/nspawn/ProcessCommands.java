package io.jmachine.drivers.nspawn;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs host programs for real, with a deadline; a program that outlives it is killed. */
final class ProcessCommands implements Commands {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final Tools tools;

  ProcessCommands(Tools tools) {
    this.tools = tools;
  }

  @Override
  public Result run(List<String> argv, Map<String, String> env, Duration timeout) {
    List<String> command = new ArrayList<>(argv);
    command.set(0, tools.find(argv.get(0)).map(Object::toString).orElse(argv.get(0)));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PATH", tools.searchPath());
    builder.environment().put("LC_ALL", "C");
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new NspawnException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread outReader = drain(process.getInputStream(), out);
    Thread errReader = drain(process.getErrorStream(), err);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
        }
        throw new NspawnException(
            String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s");
      }
      // a background child that inherited the pipes must not hold us here
      outReader.join(GRACE.toMillis());
      errReader.join(GRACE.toMillis());
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      Thread.currentThread().interrupt();
      throw new NspawnException("interrupted while running " + argv.get(0), e);
    }
    return new Result(process.exitValue(), text(out), text(err));
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  synchronized (sink) {
                    sink.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // the program is gone; what it wrote so far is all there is
              }
            },
            "nspawn-command-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static String text(ByteArrayOutputStream sink) {
    synchronized (sink) {
      return sink.toString(StandardCharsets.UTF_8);
    }
  }
}
