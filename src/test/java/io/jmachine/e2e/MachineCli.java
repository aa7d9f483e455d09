package io.jmachine.e2e;

import io.jmachine.testhost.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The jmachine command as a real process on a test's own store, and bash sessions using it. */
final class MachineCli {
  static final int TIMEOUT_SECONDS = 600;
  final Path dir;
  final Path bin;
  final Path store;
  final Map<String, String> env = new HashMap<>();

  MachineCli(Path dir) throws IOException {
    this.dir = dir;
    this.bin = Tools.dockerMachineScript(dir);
    this.store = dir.resolve("store");
    Files.createDirectories(dir.resolve("home"));
    env.put("MACHINE_STORAGE_PATH", store.toString());
    env.put("HOME", dir.resolve("home").toString());
    env.put("USER", "e2e");
    env.put("SHELL", "/bin/bash");
    env.put("PATH", dir + ":" + System.getenv("PATH"));
    // a test that forgets to point a cloud driver at its fake gets a refused connection
    env.put("DIGITALOCEAN_API_URL", "http://127.0.0.1:9");
    env.put("AWS_ENDPOINT", "http://127.0.0.1:9");
    // the AWS SDK must never probe the instance metadata address for credentials or region
    env.put("AWS_EC2_METADATA_DISABLED", "true");
  }

  Tools.Result run(String... args) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add(bin.toString());
    argv.addAll(List.of(args));
    return Tools.run(argv, dir, env, TIMEOUT_SECONDS);
  }

  /** `create -d generic` against a test host, then {@code extra} flags and the name last. */
  Tools.Result create(TestHost host, String user, Path key, String name, String... extra)
      throws Exception {
    return run(createArgs(host, user, key, name, extra).toArray(String[]::new));
  }

  static List<String> createArgs(
      TestHost host, String user, Path key, String name, String... extra) {
    List<String> argv = new ArrayList<>();
    argv.addAll(
        List.of(
            "create",
            "-d",
            "generic",
            "--generic-ip-address",
            host.ip(),
            "--generic-ssh-user",
            user,
            "--generic-ssh-key",
            key.toString()));
    argv.addAll(List.of(extra));
    argv.add(name);
    return argv;
  }

  /** A bash script with this store's environment, docker-machine first on PATH. */
  Tools.Result bash(String script) throws Exception {
    return Tools.run(List.of("bash", "-c", script), dir, env, TIMEOUT_SECONDS);
  }

  /** Runs a container from a tiny image imported from this computer's files (no registry). */
  static String runContainerScript(String machine) {
    return "set -e\n"
        + "eval \"$(docker-machine env "
        + machine
        + ")\"\n"
        + "test \"$DOCKER_MACHINE_NAME\" = "
        + machine
        + "\n"
        + "cd / && tar -ch usr/bin/dash lib/x86_64-linux-gnu/libc.so.6 lib64/ld-linux-x86-64.so.2"
        + " 2>/dev/null | docker import - mini >/dev/null\n"
        + "docker run --rm --network none mini /usr/bin/dash -c 'echo hello from '"
        + machine
        + "\n";
  }

  /** How many SSH logins the host's sshd has accepted so far. */
  static int sshLogins(TestHost host) {
    String log =
        host.exec("journalctl", "-u", "ssh", "--no-pager", "-o", "cat")
            .orThrow("journalctl")
            .stdout();
    return (int) log.lines().filter(l -> l.startsWith("Accepted ")).count();
  }

  Map<String, String> envWith(String name, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(name, value);
    return copy;
  }

  static List<String> lines(String text) {
    return text.lines().toList();
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
