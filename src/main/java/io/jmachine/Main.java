package io.jmachine;

import io.jmachine.cli.Environment;
import io.jmachine.cli.MachineCli;
import io.jmachine.cli.output.Console;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The process entry point: real streams and environment in, one exit code out. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code =
        run(
            args,
            System.getenv(),
            System.getProperty("jmachine.argv0", "docker-machine"),
            new FileOutputStream(FileDescriptor.out),
            new FileOutputStream(FileDescriptor.err),
            System.in);
    // Not System.exit: from JDK 21 on, Runtime.exit asks the System.Logger whether to log the exit,
    // and finding the logging back-end opens every jar on the class path (~30 ms per command).
    // jmachine registers no shutdown hook, and the streams are flushed: halting loses nothing.
    Runtime.getRuntime().halt(code);
  }

  /**
   * Runs one command line with the given surroundings and returns its exit code; the streams are
   * flushed, not closed. The launcher's training run comes through here too, so that the classes of
   * this path are in the class-data sharing archive.
   */
  static int run(
      String[] args,
      Map<String, String> env,
      String programName,
      OutputStream stdout,
      OutputStream stderr,
      InputStream stdin) {
    StartupWarmUp.start();
    // picocli otherwise looks for Groovy's Closure class, opening every jar on the class path
    System.setProperty("picocli.disable.closures", "true");
    // no option is a date, time or SQL type: picocli would otherwise load and initialise those
    // classes by reflection for every CommandLine, to register converters for them
    System.setProperty("picocli.converters.excludes", "java\\.(time|sql)\\..*");
    Environment environment = Environment.of(env);
    if (!MachineCli.debugRequested(List.of(args), environment)) {
      // logging costs start-up time and only --debug shows it
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      // SLF4J announces an explicitly chosen provider on stderr unless told to keep quiet
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    PrintWriter out = writer(stdout);
    PrintWriter err = writer(stderr);
    BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    try {
      return new MachineCli(new Console(out, err, in), environment, programName).run(List.of(args));
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static PrintWriter writer(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
  }
}
