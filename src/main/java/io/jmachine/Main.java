package io.jmachine;

import io.jmachine.cli.Environment;
import io.jmachine.cli.MachineCli;
import io.jmachine.cli.output.Console;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The process entry point: real streams and environment in, one exit code out. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    if (!debugRequested(args, env)) {
      // logging costs start-up time and only --debug shows it
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      // SLF4J announces an explicitly chosen provider on stderr unless told to keep quiet
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String programName = System.getProperty("jmachine.argv0", "docker-machine");
    int code =
        new MachineCli(new Console(out, err, in), Environment.of(env), programName)
            .run(List.of(args));
    out.flush();
    err.flush();
    System.exit(code);
  }

  private static boolean debugRequested(String[] args, Map<String, String> env) {
    for (String arg : args) {
      if (arg.equals("-D") || arg.equals("--debug") || arg.equals("-debug")) {
        return true;
      }
    }
    return Boolean.TRUE.equals(Environment.parseBool(env.getOrDefault("MACHINE_DEBUG", "")));
  }

  private static PrintWriter writer(FileDescriptor fd) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), false);
  }
}
