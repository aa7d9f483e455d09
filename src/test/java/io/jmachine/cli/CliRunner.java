package io.jmachine.cli;

import io.jmachine.cli.output.Console;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs docker-machine commands in-process against one test's own store. */
public final class CliRunner {
  private final Path store;
  private final Map<String, String> env = new HashMap<>();
  private String argv0 = "docker-machine";

  public CliRunner(Path store) {
    this.store = store;
    env.put("HOME", store.getParent().toString());
    env.put("USER", "tester");
    env.put("SHELL", "/bin/bash");
    // a test that forgets to point a cloud driver at its fake gets a refused connection
    env.put("DIGITALOCEAN_API_URL", "http://127.0.0.1:9");
    env.put("AWS_ENDPOINT", "http://127.0.0.1:9");
    // the AWS SDK must never probe the instance metadata address for credentials or region
    env.put("AWS_EC2_METADATA_DISABLED", "true");
  }

  public CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs as if started through another path or name (argv[0]). */
  public CliRunner invokedAs(String argv0) {
    this.argv0 = argv0;
    return this;
  }

  public Path store() {
    return store;
  }

  public Result run(String... args) {
    return runWithInput("", args);
  }

  public Result runWithInput(String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console =
        new Console(
            new PrintWriter(out),
            new PrintWriter(err),
            new BufferedReader(new StringReader(input)));
    List<String> argv = new ArrayList<>(List.of("-s", store.toString()));
    argv.addAll(List.of(args));
    int code = new MachineCli(console, Environment.of(env), argv0).run(argv);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs without the leading -s, for tests of global option handling. */
  public Result runRaw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console =
        new Console(
            new PrintWriter(out), new PrintWriter(err), new BufferedReader(new StringReader("")));
    int code = new MachineCli(console, Environment.of(env), argv0).run(List.of(args));
    return new Result(code, out.toString(), err.toString());
  }

  public record Result(int exit, String out, String err) {}
}
