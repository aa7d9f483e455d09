package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole story with real processes: docker-machine create (which exits, leaving the machine
 * running), ls, env, the real docker CLI running a container, stop, start, another container, rm.
 */
class NspawnEndToEndTest {
  private static final Pattern EXPORT = Pattern.compile("^export (\\w+)=\"(.*)\"$");
  private Path store;
  private Map<String, String> env;

  @BeforeAll
  static void machinesAndDockerCanRun() {
    NspawnTestSupport.requireMachines();
    boolean docker = new Tools(NspawnTestSupport.path()).find("docker").isPresent();
    if (!docker && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI must run this test, but the docker CLI is missing");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(docker, "the docker CLI is not installed");
  }

  @BeforeEach
  void newStore() throws IOException {
    store = NspawnTestSupport.newStore();
    env = new HashMap<>();
    env.put("MACHINE_STORAGE_PATH", store.toString());
    env.put("HOME", store.toString());
    Files.createDirectories(store.resolve(".docker"));
  }

  @AfterEach
  void removeEverything() {
    NspawnTestSupport.removeStore(store);
  }

  /** This build's docker-machine as its own process, as a user runs it. */
  private NspawnTestSupport.Result dockerMachine(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.jmachine.Main");
    command.addAll(List.of(args));
    return NspawnTestSupport.run(command, env, Duration.ofMinutes(10));
  }

  private NspawnTestSupport.Result ok(NspawnTestSupport.Result result, String what) {
    assertThat(result.exit()).as("%s: %s", what, result.all()).isZero();
    return result;
  }

  private NspawnTestSupport.Result docker(Map<String, String> dockerEnv, String shell) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(dockerEnv);
    return NspawnTestSupport.run(List.of("bash", "-c", shell), all, Duration.ofMinutes(2));
  }

  private static String lsLine(String ls, String name) {
    return ls.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("");
  }

  @Test
  void create_ls_env_dockerRun_stop_start_dockerRun_rm() throws IOException {
    NspawnTestSupport.Result create =
        ok(
            dockerMachine(
                "create", "-d", "nspawn", "--nspawn-subnet", NspawnTestSupport.SUBNET, "e2e1"),
            "create");
    assertThat(create.out()).contains("Docker is up and running!");

    // the process that created it is gone; the machine runs on, in a session of its own
    ProcessIdentity supervisor = NspawnTestSupport.supervisorOf(store, "e2e1").orElseThrow();
    assertThat(supervisor.alive()).isTrue();
    assertThat(sessionOf(supervisor.pid())).isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
    assertThat(ok(dockerMachine("status", "e2e1"), "status").out()).isEqualTo("Running\n");

    String ip = ok(dockerMachine("ip", "e2e1"), "ip").out().strip();
    String ls = ok(dockerMachine("ls"), "ls").out();
    assertThat(lsLine(ls, "e2e1"))
        .contains("nspawn")
        .contains("Running")
        .contains("tcp://" + ip + ":2376")
        .containsPattern("v20\\.10\\.\\S+");

    Map<String, String> dockerEnv = new HashMap<>();
    for (String line : ok(dockerMachine("env", "e2e1"), "env").out().lines().toList()) {
      Matcher m = EXPORT.matcher(line);
      if (m.matches()) {
        dockerEnv.put(m.group(1), m.group(2));
      }
    }
    assertThat(dockerEnv).containsEntry("DOCKER_HOST", "tcp://" + ip + ":2376");
    ok(
        docker(
            dockerEnv,
            "cd / && tar -ch usr/bin/dash lib/x86_64-linux-gnu/libc.so.6"
                + " lib64/ld-linux-x86-64.so.2 2>/dev/null | docker import - mini >/dev/null"),
        "docker import");
    assertThat(
            ok(
                    docker(
                        dockerEnv,
                        "docker run --rm mini /usr/bin/dash -c 'echo hello from $0' e2e1"),
                    "docker run")
                .out())
        .isEqualTo("hello from e2e1\n");

    ok(dockerMachine("stop", "e2e1"), "stop");
    assertThat(lsLine(ok(dockerMachine("ls"), "ls").out(), "e2e1")).contains("Stopped");

    ok(dockerMachine("start", "e2e1"), "start");
    // like docker-machine's Host.Start, start returns once the daemon listens: no wait here
    assertThat(
            ok(
                    docker(dockerEnv, "docker run --rm mini /usr/bin/dash -c 'echo again'"),
                    "docker run after start")
                .out())
        .isEqualTo("again\n");

    List<String> footprint = NspawnTestSupport.footprint(store, "e2e1", ip);
    ok(dockerMachine("rm", "-y", "e2e1"), "rm");
    assertThat(NspawnTestSupport.leftovers(store, "e2e1", ip, footprint)).isEmpty();
    assertThat(Files.exists(store.resolve("machines/e2e1"))).isFalse();
  }

  private static long sessionOf(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
  }
}
