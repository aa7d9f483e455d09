package io.jmachine.bench;

import io.jmachine.ssh.ExternalSshClient;
import io.jmachine.ssh.NativeSshClient;
import io.jmachine.ssh.PassphrasePrompt;
import io.jmachine.ssh.SshClient;
import io.jmachine.ssh.SshSettings;
import io.jmachine.ssh.SshTarget;
import io.jmachine.ssh.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * bench/ssh-bench.sh's measurement: 20 remote commands through one native session against 20 runs
 * of the system ssh with docker-machine's options, each a full process and handshake.
 */
public final class SshBench {
  private static final int COMMANDS = 20;

  private SshBench() {}

  public static void main(String[] args) throws Exception {
    String ip = args[0];
    Path key = Path.of(args[1]);
    PrintStream out = System.out;
    Path dir = Files.createTempDirectory("ssh-bench");
    SshTarget target = new SshTarget(ip, 22, "root", key, dir.resolve("known_hosts"));
    SshSettings settings = SshSettings.defaults(true);
    Terminal quiet =
        new Terminal(
            InputStream.nullInputStream(),
            new ByteArrayOutputStream(),
            new ByteArrayOutputStream(),
            false);

    long start = System.nanoTime();
    List<Double> nativeTimes;
    try (SshClient ssh = new NativeSshClient(target, settings, quiet, PassphrasePrompt.NONE, "")) {
      nativeTimes = time(() -> ssh.run("true").exitStatus());
    }
    double nativeTotal = (System.nanoTime() - start) / 1e6;
    List<Double> externalTimes;
    try (SshClient ssh = new ExternalSshClient("ssh", target, settings)) {
      externalTimes = time(() -> ssh.run("true").exitStatus());
    }

    double nativeMedian = median(nativeTimes);
    double externalMedian = median(externalTimes);
    out.printf(
        Locale.ROOT,
        "native : median %.1f ms per command over %d (all %d incl. the one handshake: %.0f ms)%n",
        nativeMedian,
        COMMANDS,
        COMMANDS,
        nativeTotal);
    out.printf(
        Locale.ROOT,
        "openssh: median %.1f ms per ssh invocation over %d (total %.0f ms)%n",
        externalMedian,
        COMMANDS,
        externalTimes.stream().mapToDouble(Double::doubleValue).sum());
    out.printf(Locale.ROOT, "ratio  : %.3f (target < 0.2)%n", nativeMedian / externalMedian);
  }

  private static List<Double> time(Supplier<Integer> command) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < COMMANDS; i++) {
      long t = System.nanoTime();
      if (command.get() != 0) {
        throw new IllegalStateException("remote command failed");
      }
      times.add((System.nanoTime() - t) / 1e6);
    }
    return times;
  }

  private static double median(List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
