package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeasesTest {
  @TempDir Path store;

  private Leases leases() {
    return new Leases(store.resolve("nspawn/leases"));
  }

  private int address(String ip) {
    return (int) Ipv4Subnet.parseAddress(ip);
  }

  private void machine(String name) throws IOException {
    Files.createDirectories(store.resolve("machines").resolve(name));
  }

  @Test
  void lease_takesTheHighestFreeAddress_andRecordsTheMachine() throws IOException {
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.128/25");
    machine("a");
    machine("b");
    int a = leases().lease("a", subnet, x -> true, store.resolve("machines"));
    int b = leases().lease("b", subnet, x -> true, store.resolve("machines"));
    assertThat(Ipv4Subnet.format(a)).isEqualTo("198.51.100.254");
    assertThat(Ipv4Subnet.format(b)).isEqualTo("198.51.100.253");
    assertThat(leases().holder(a)).contains("a");
    assertThat(Files.readString(store.resolve("nspawn/leases/198.51.100.253"))).isEqualTo("b\n");
  }

  @Test
  void lease_skipsAddressesInUseElsewhereOnTheHost() throws IOException {
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.128/25");
    machine("a");
    int a =
        leases().lease("a", subnet, x -> x != address("198.51.100.254"), store.resolve("machines"));
    assertThat(Ipv4Subnet.format(a)).isEqualTo("198.51.100.253");
  }

  @Test
  void release_freesTheAddressForTheNextMachine_onlyForItsHolder() throws IOException {
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.128/25");
    machine("a");
    machine("b");
    int a = leases().lease("a", subnet, x -> true, store.resolve("machines"));
    leases().release(a, "b");
    assertThat(leases().holder(a)).contains("a");
    leases().release(a, "a");
    assertThat(leases().holder(a)).isEmpty();
    assertThat(leases().lease("b", subnet, x -> true, store.resolve("machines"))).isEqualTo(a);
  }

  @Test
  void lease_ofAMachineGoneFromTheStore_isTakenOver() throws IOException {
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.128/25");
    machine("gone");
    int old = leases().lease("gone", subnet, x -> true, store.resolve("machines"));
    Files.delete(store.resolve("machines/gone"));
    machine("new");
    assertThat(leases().lease("new", subnet, x -> true, store.resolve("machines"))).isEqualTo(old);
  }

  @Test
  void lease_exhaustedSubnet_saysWhatToDo() throws IOException {
    Ipv4Subnet subnet = Ipv4Subnet.parse("198.51.100.248/30");
    machine("a");
    machine("b");
    leases().lease("a", subnet, x -> true, store.resolve("machines"));
    assertThatThrownBy(() -> leases().lease("b", subnet, x -> true, store.resolve("machines")))
        .hasMessage(
            "no free address left in subnet 198.51.100.248/30 (all 1 are taken): remove a"
                + " machine, or create this one with a larger --nspawn-subnet");
  }
}
