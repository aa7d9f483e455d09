package io.jmachine.drivers.nspawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host side of the machines' network: one bridge (jmnet0) holding the first address of each
 * subnet in use, a FORWARD rule so that machines reach each other across it, and per machine a
 * network namespace with a veth pair, the host end on the bridge. Names derive from the machine's
 * address ("jm" + its 8 hex digits), which keeps them within the kernel's 15 characters and makes
 * an address taken by a machine of another store visible as an existing link. Callers hold the
 * host-wide network lock.
 */
final class HostNetwork {
  static final String BRIDGE = "jmnet0";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern INET = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+)/");
  private static final Pattern ROUTE =
      Pattern.compile("^(\\d+\\.\\d+\\.\\d+\\.\\d+)(?:/(\\d+))?\\s.*?\\bdev\\s+(\\S+)");

  private final Commands commands;
  private final Path sysClassNet;
  private final Path netnsDir;

  HostNetwork(Commands commands, Path sysClassNet, Path netnsDir) {
    this.commands = commands;
    this.sysClassNet = sysClassNet;
    this.netnsDir = netnsDir;
  }

  static HostNetwork host(Commands commands) {
    return new HostNetwork(commands, Path.of("/sys/class/net"), Path.of("/run/netns"));
  }

  /** The link, namespace and cgroup name of the machine at {@code address}. */
  static String tag(int address) {
    return String.format("jm%08x", address);
  }

  boolean linkExists(String name) {
    return Files.exists(sysClassNet.resolve(name));
  }

  boolean netnsExists(String name) {
    return Files.exists(netnsDir.resolve(name));
  }

  private List<String> forwardRule(String action) {
    return List.of(
        "iptables", "-w", "10", action, "FORWARD", "-i", BRIDGE, "-o", BRIDGE, "-j", "ACCEPT");
  }

  /** The bridge, up, with the subnet's first address, and traffic between machines allowed. */
  void ensureBridge(Ipv4Subnet subnet) {
    if (linkExists(tag(subnet.gateway()))) {
      throw new NspawnException(
          "the subnet "
              + subnet
              + " cannot be used: its first address "
              + Ipv4Subnet.format(subnet.gateway())
              + ", which the bridge needs, belongs to a machine; choose another --nspawn-subnet");
    }
    if (!linkExists(BRIDGE)) {
      Commands.Result add =
          commands.run(List.of("ip", "link", "add", BRIDGE, "type", "bridge"), TIMEOUT);
      if (!add.ok() && !linkExists(BRIDGE)) {
        throw new NspawnException("cannot create the bridge " + BRIDGE + ": " + add.reason());
      }
    }
    commands.check(
        "cannot bring up " + BRIDGE, List.of("ip", "link", "set", BRIDGE, "up"), TIMEOUT);
    String gateway = Ipv4Subnet.format(subnet.gateway()) + "/" + subnet.prefix();
    String addresses =
        commands
            .check(
                "cannot read the addresses of " + BRIDGE,
                List.of("ip", "-4", "-o", "addr", "show", "dev", BRIDGE),
                TIMEOUT)
            .out();
    if (!List.of(addresses.split("\\s+")).contains(gateway)) {
      Commands.Result add =
          commands.run(List.of("ip", "addr", "add", gateway, "dev", BRIDGE), TIMEOUT);
      if (!add.ok() && !add.reason().contains("File exists")) {
        throw new NspawnException(
            "cannot give " + BRIDGE + " the address " + gateway + ": " + add.reason());
      }
    }
    // the FORWARD policy may be DROP (dockerd sets it) and bridged frames pass iptables
    if (!commands.run(forwardRule("-C"), TIMEOUT).ok()) {
      commands.check(
          "cannot allow traffic between machines on " + BRIDGE, forwardRule("-I"), TIMEOUT);
    }
  }

  /** Once no machine hangs on the bridge: the bridge and its FORWARD rule go. */
  void removeBridgeIfIdle() {
    if (!linkExists(BRIDGE)) {
      return;
    }
    try (Stream<Path> ports = Files.list(sysClassNet.resolve(BRIDGE).resolve("brif"))) {
      if (ports.findAny().isPresent()) {
        return;
      }
    } catch (IOException e) {
      return;
    }
    for (int i = 0; i < 20 && commands.run(forwardRule("-C"), TIMEOUT).ok(); i++) {
      commands.run(forwardRule("-D"), TIMEOUT);
    }
    commands.run(List.of("ip", "link", "del", BRIDGE), TIMEOUT);
  }

  /** The host's own IPv4 addresses (the bridge's, of every subnet in use, among them). */
  Set<Integer> localAddresses() {
    return parseLocalAddresses(
        commands
            .check(
                "cannot read the host's addresses",
                List.of("ip", "-4", "-o", "addr", "show"),
                TIMEOUT)
            .out());
  }

  static Set<Integer> parseLocalAddresses(String text) {
    Set<Integer> addresses = new HashSet<>();
    Matcher m = INET.matcher(text);
    while (m.find()) {
      long address = Ipv4Subnet.parseAddress(m.group(1));
      if (address >= 0) {
        addresses.add((int) address);
      }
    }
    return addresses;
  }

  /** A route of the host's main table. */
  record Route(int network, int prefix, String device) {
    boolean contains(int address) {
      return (address & Ipv4Subnet.mask(prefix)) == network;
    }
  }

  static List<Route> parseRoutes(String text) {
    List<Route> routes = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = ROUTE.matcher(line.strip());
      if (m.find()) {
        long address = Ipv4Subnet.parseAddress(m.group(1));
        int prefix = m.group(2) == null ? 32 : Integer.parseInt(m.group(2));
        if (address >= 0) {
          routes.add(new Route((int) address & Ipv4Subnet.mask(prefix), prefix, m.group(3)));
        }
      }
    }
    return routes;
  }

  List<Route> routes() {
    return parseRoutes(
        commands
            .check(
                "cannot read the routing table",
                List.of("ip", "-4", "route", "show", "table", "main"),
                TIMEOUT)
            .out());
  }

  /**
   * False for an address that another interface claims at least as specifically as the subnet does
   * (the test hosts' bridge, say): packets for it would not reach our bridge.
   */
  static boolean reachesBridge(List<Route> routes, Ipv4Subnet subnet, int address) {
    for (Route route : routes) {
      if (!route.device().equals(BRIDGE)
          && route.prefix() >= subnet.prefix()
          && route.contains(address)) {
        return false;
      }
    }
    return true;
  }

  /** The machine's namespace and veth pair; its end is eth0 with {@code address}. */
  void createMachineLink(String tag, int address, Ipv4Subnet subnet) {
    String ip = Ipv4Subnet.format(address) + "/" + subnet.prefix();
    commands.check(
        "cannot create network namespace " + tag, List.of("ip", "netns", "add", tag), TIMEOUT);
    try {
      plugIn(tag, ip);
    } catch (RuntimeException e) {
      removeMachineLink(tag);
      throw e;
    }
  }

  private void plugIn(String tag, String ip) {
    commands.check(
        "cannot create the veth pair " + tag,
        List.of("ip", "link", "add", tag, "type", "veth", "peer", "name", "eth0", "netns", tag),
        TIMEOUT);
    commands.check(
        "cannot attach " + tag + " to " + BRIDGE,
        List.of("ip", "link", "set", tag, "master", BRIDGE, "up"),
        TIMEOUT);
    commands.check(
        "cannot set the machine's address",
        List.of("ip", "-n", tag, "addr", "add", ip, "dev", "eth0"),
        TIMEOUT);
    commands.check(
        "cannot bring up the machine's eth0",
        List.of("ip", "-n", tag, "link", "set", "eth0", "up"),
        TIMEOUT);
    commands.check(
        "cannot bring up the machine's loopback",
        List.of("ip", "-n", tag, "link", "set", "lo", "up"),
        TIMEOUT);
    // nspawn mounts /proc/sys read-only inside, so dockerd there could not switch it on itself
    commands.check(
        "cannot enable IP forwarding in the machine's namespace",
        List.of("ip", "netns", "exec", tag, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"),
        TIMEOUT);
  }

  /**
   * Makes sure an existing machine's namespace and veth are in place (after a host reboot they are
   * gone).
   */
  void ensureMachineLink(String tag, int address, Ipv4Subnet subnet) {
    if (netnsExists(tag) && linkExists(tag)) {
      String master = readMaster(tag);
      if (!BRIDGE.equals(master)) {
        commands.check(
            "cannot attach " + tag + " to " + BRIDGE,
            List.of("ip", "link", "set", tag, "master", BRIDGE, "up"),
            TIMEOUT);
      }
      return;
    }
    removeMachineLink(tag);
    createMachineLink(tag, address, subnet);
  }

  private String readMaster(String link) {
    try {
      return sysClassNet.resolve(link).resolve("master").toRealPath().getFileName().toString();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Deletes the veth explicitly before the namespace: orphaned TCP sockets can keep a deleted
   * namespace, and with it the veth on the bridge, alive for minutes.
   */
  void removeMachineLink(String tag) {
    if (linkExists(tag)) {
      commands.run(List.of("ip", "link", "del", tag), TIMEOUT);
    }
    if (netnsExists(tag)) {
      commands.check(
          "cannot delete network namespace " + tag, List.of("ip", "netns", "del", tag), TIMEOUT);
    }
  }
}
