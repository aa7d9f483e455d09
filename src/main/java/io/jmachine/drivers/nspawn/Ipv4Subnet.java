package io.jmachine.drivers.nspawn;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 network in CIDR notation. Its first host address is the bridge's (the machines' neighbour
 * on the host), the rest up to the broadcast address go to machines.
 */
record Ipv4Subnet(int network, int prefix) {
  private static final Pattern CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

  /** Parses "a.b.c.d/n"; host bits must be zero, and there must be room for a machine. */
  static Ipv4Subnet parse(String text) {
    Matcher m = CIDR.matcher(text.strip());
    if (!m.matches()) {
      throw new NspawnException(
          "invalid subnet \"" + text + "\": expected an IPv4 network such as 198.51.100.0/24");
    }
    int address = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        throw new NspawnException("invalid subnet \"" + text + "\": " + octet + " is not an octet");
      }
      address = (address << 8) | octet;
    }
    int prefix = Integer.parseInt(m.group(5));
    if (prefix < 8 || prefix > 30) {
      throw new NspawnException(
          "invalid subnet \"" + text + "\": the prefix length must be between 8 and 30");
    }
    Ipv4Subnet subnet = new Ipv4Subnet(address & mask(prefix), prefix);
    if (subnet.network != address) {
      throw new NspawnException(
          "invalid subnet \"" + text + "\": host bits are set; did you mean " + subnet + "?");
    }
    return subnet;
  }

  static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  int broadcast() {
    return network | ~mask(prefix);
  }

  /** The bridge's address in this subnet. */
  int gateway() {
    return network + 1;
  }

  int firstMachineAddress() {
    return network + 2;
  }

  int lastMachineAddress() {
    return broadcast() - 1;
  }

  int machineAddressCount() {
    return lastMachineAddress() - firstMachineAddress() + 1;
  }

  boolean contains(int address) {
    return (address & mask(prefix)) == network;
  }

  static String format(int address) {
    return ((address >>> 24) & 255)
        + "."
        + ((address >>> 16) & 255)
        + "."
        + ((address >>> 8) & 255)
        + "."
        + (address & 255);
  }

  /** Parses a dotted quad; -1 if it is not one. */
  static long parseAddress(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long address = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      address = (address << 8) | octet;
    }
    return address;
  }

  @Override
  public String toString() {
    return format(network) + "/" + prefix;
  }
}
