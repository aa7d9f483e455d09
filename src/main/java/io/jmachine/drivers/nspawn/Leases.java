package io.jmachine.drivers.nspawn;

import io.jmachine.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Address leases in the store: one file per address (named by it, holding the machine name).
 * Callers hold the store's lease lock, so two creates never pick the same address.
 */
final class Leases {
  private final Path dir;

  Leases(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Optional<String> holder(int address) {
    try {
      return Optional.of(Files.readString(dir.resolve(Ipv4Subnet.format(address))).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Leases the highest address of {@code subnet} that has no lease and that {@code free} accepts
   * (nothing else on the host uses it). A lease whose machine is gone from the store (or that names
   * the machine being created) is stale and taken over if {@code free} accepts the address.
   */
  int lease(String machine, Ipv4Subnet subnet, IntPredicate free, Path machinesDir) {
    try {
      AtomicFiles.createPrivateDirectories(dir);
      // from the top down: far from the low addresses that other tools on a shared network
      // (the test hosts' harness owns 198.51.100.0/25 here) tend to take, even later on
      for (int a = subnet.lastMachineAddress(); a >= subnet.firstMachineAddress(); a--) {
        Optional<String> holder = holder(a);
        boolean stale =
            holder.isPresent()
                && (holder.get().equals(machine)
                    || !Files.isDirectory(machinesDir.resolve(holder.get())));
        if (holder.isPresent() && !stale) {
          continue;
        }
        if (!free.test(a)) {
          continue;
        }
        AtomicFiles.write(
            dir.resolve(Ipv4Subnet.format(a)),
            (machine + "\n").getBytes(StandardCharsets.UTF_8),
            AtomicFiles.PRIVATE_FILE);
        return a;
      }
    } catch (IOException e) {
      throw new NspawnException(
          "cannot write an address lease in " + dir + ": " + e.getMessage(), e);
    }
    throw new NspawnException(
        "no free address left in subnet "
            + subnet
            + " (all "
            + subnet.machineAddressCount()
            + " are taken): remove a machine, or create this one with a larger --nspawn-subnet");
  }

  /** Gives the address back if {@code machine} holds it. */
  void release(int address, String machine) {
    if (holder(address).filter(machine::equals).isPresent()) {
      try {
        Files.deleteIfExists(dir.resolve(Ipv4Subnet.format(address)));
      } catch (IOException e) {
        throw new NspawnException(
            "cannot release the address lease "
                + Ipv4Subnet.format(address)
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }
}
