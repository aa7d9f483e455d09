package io.jmachine.testhost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An address of the test network that no host, machine or interface holds and that nothing answers,
 * reserved for one test until {@link #close}: for "unreachable host" checks, or to add to a host as
 * its new address. Other test JVMs on this machine boot hosts, create nspawn machines and add
 * addresses concurrently, so no fixed address is safe for that.
 *
 * <p>The address lies in the harness bridge's network 198.51.100.0/25 (so packets to it go out on
 * {@code jmth0} and find nobody, never anywhere else), outside the range {@code up.sh} leases from
 * (198.51.100.10–120). Before handing one out this checks, under a lock all test JVMs share, the
 * hosts' leases, every IPv4 address of the host and of every network namespace, the bridge's
 * neighbour table, other reservations, and then that it does not answer a ping. The reservation is
 * a file in {@code $TESTHOST_RUN/reserved}, naming this JVM; one left by a JVM that is gone is
 * taken over. Only meaningful while a {@link TestHosts} class runs (the bridge must exist).
 */
public final class UnusedAddress implements AutoCloseable {

  static final String NETWORK = "198.51.100.";
  static final String BRIDGE = "jmth0";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final int PING_MILLIS = 1000;
  private static final Pattern INET = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+)/");
  private static final Pattern NEIGHBOUR =
      Pattern.compile("^(\\d+\\.\\d+\\.\\d+\\.\\d+) .*\\b(REACHABLE|STALE|DELAY|PROBE|PERMANENT)");

  private final String ip;
  private final Path reservation;

  private UnusedAddress(String ip, Path reservation) {
    this.ip = ip;
    this.reservation = reservation;
  }

  /** Reserves an address that is unused right now; fails when there is none. */
  public static synchronized UnusedAddress reserve() {
    Path run = HostScripts.runDir();
    Path dir = run.resolve("reserved");
    ProcessRunner runner =
        new ProcessRunner(
            Map.of(
                "PATH",
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin")
                    + ":"
                    + HostScripts.SBIN_DIRS));
    List<String> candidates = new ArrayList<>();
    for (int octet = 2; octet < 10; octet++) {
      candidates.add(NETWORK + octet);
    }
    for (int octet = 121; octet < 127; octet++) {
      candidates.add(NETWORK + octet);
    }
    // in turn, not always the same: a neighbour entry left by its last user would rule it out
    Collections.shuffle(candidates);
    try {
      Files.createDirectories(dir);
      Lock lock = Lock.of(dir.resolve(".lock"));
      try {
        Set<String> held = held(runner, run);
        for (String candidate : candidates) {
          if (held.contains(candidate) || reservedByOther(dir.resolve(candidate))) {
            continue;
          }
          requireOnBridge(runner, candidate);
          if (InetAddress.getByName(candidate).isReachable(PING_MILLIS)) {
            continue;
          }
          Path file = dir.resolve(candidate);
          Files.deleteIfExists(file); // a stale one: its JVM is gone
          Files.writeString(Files.createFile(file), owner() + "\n");
          return new UnusedAddress(candidate, file);
        }
        throw new IllegalStateException(
            "no unused address left among " + candidates + "; held: " + held);
      } finally {
        lock.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String ip() {
    return ip;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(reservation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return ip;
  }

  /** Addresses in use: leased to hosts, on any interface of any namespace, or seen by ARP. */
  static Set<String> held(ProcessRunner runner, Path run) throws IOException {
    Set<String> held = new HashSet<>();
    Path leases = run.resolve("leases");
    if (Files.isDirectory(leases)) {
      try (Stream<Path> files = Files.list(leases)) {
        files.forEach(f -> held.add(NETWORK + f.getFileName()));
      }
    }
    held.addAll(addresses(check(runner, List.of("ip", "-4", "-o", "addr", "show"))));
    // every namespace: test hosts (also addresses tests add to them) and nspawn machines
    // (not checked: a namespace that goes away meanwhile makes it fail, and then holds nothing)
    held.addAll(
        addresses(
            runner
                .run(
                    List.of("ip", "-all", "netns", "exec", "ip", "-4", "-o", "addr", "show"),
                    COMMAND_TIMEOUT)
                .stdout()));
    String neighbours = check(runner, List.of("ip", "-4", "neigh", "show", "dev", BRIDGE));
    for (String line : neighbours.lines().toList()) {
      Matcher m = NEIGHBOUR.matcher(line);
      if (m.find()) {
        held.add(m.group(1));
      }
    }
    return held;
  }

  static Set<String> addresses(String ipAddrOutput) {
    Set<String> addresses = new HashSet<>();
    Matcher m = INET.matcher(ipAddrOutput);
    while (m.find()) {
      addresses.add(m.group(1));
    }
    return addresses;
  }

  /** Never probe an address whose packets would leave the test bridge. */
  private static void requireOnBridge(ProcessRunner runner, String candidate) {
    String route = check(runner, List.of("ip", "-4", "-o", "route", "get", candidate));
    if (!route.matches("(?s)" + Pattern.quote(candidate) + " dev " + BRIDGE + "\\b.*")) {
      throw new IllegalStateException(
          candidate
              + " is not routed to the test bridge "
              + BRIDGE
              + " (no test host running?): "
              + route.strip());
    }
  }

  private static String check(ProcessRunner runner, List<String> command) {
    return runner.run(command, COMMAND_TIMEOUT).orThrow(String.join(" ", command)).stdout();
  }

  private static boolean reservedByOther(Path file) throws IOException {
    String owner;
    try {
      owner = Files.readString(file).strip();
    } catch (NoSuchFileException e) {
      return false;
    }
    String[] parts = owner.split(" ", 2);
    try {
      return ProcessHandle.of(Long.parseLong(parts[0]))
          .map(p -> owner.equals(identity(p)))
          .orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String owner() {
    return identity(ProcessHandle.current());
  }

  /** PID and start time: names a process even after its PID is reused. */
  private static String identity(ProcessHandle process) {
    return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
  }

  /**
   * Serializes reservations between JVMs (a POSIX lock; within this JVM, reserve is synchronized).
   */
  private record Lock(FileChannel channel) {
    static Lock of(Path file) throws IOException {
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock();
      return new Lock(channel);
    }

    void close() throws IOException {
      channel.close();
    }
  }
}
