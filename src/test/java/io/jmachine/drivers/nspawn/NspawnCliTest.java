package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver as the CLI shows it: its flags in create's help, values from flags or env. */
class NspawnCliTest {
  @TempDir Path home;

  @Test
  void createHelp_listsTheDriversFlagsWithDefaultsAndVariables() {
    CliRunner.Result r =
        new CliRunner(home.resolve("store")).run("create", "--help", "-d", "nspawn");
    assertThat(r.exit()).isZero();
    String suite = HostDefaults.host().suite();
    String mirror = HostDefaults.host().mirror(suite);
    assertThat(r.out())
        .contains(
            "   --nspawn-bind [--nspawn-bind option --nspawn-bind option]\t\t\t\t\t\tExtra bind"
                + " mount into the machine, SRC:DST (host path:machine path) [$NSPAWN_BIND]\n")
        .contains(
            "   --nspawn-cpu-count \"0\"\t\t\t\t\t\t\t\t\t\tCPUs the machine may use, as a CFS quota"
                + " (0: no limit) [$NSPAWN_CPU_COUNT]\n")
        .contains(
            "   --nspawn-memory \"0\"\t\t\t\t\t\t\t\t\t\t\tMemory limit of the machine in MB (0: no"
                + " limit) [$NSPAWN_MEMORY]\n")
        .contains("   --nspawn-mirror \"" + mirror + "\"")
        .contains("Debian mirror the base image is built from (once, then cached) [$NSPAWN_MIRROR]")
        .contains("   --nspawn-subnet \"198.51.100.0/24\"")
        .contains(
            "Subnet the machine's address comes from; its first address goes to the jmnet0"
                + " bridge [$NSPAWN_SUBNET]")
        .contains("   --nspawn-suite \"" + suite + "\"")
        .contains("Debian release of the base image [$NSPAWN_SUITE]");
  }

  @Test
  void create_badSubnetFlag_failsBeforeTouchingAnything() {
    CliRunner cli = new CliRunner(home.resolve("store"));
    CliRunner.Result r =
        cli.run("create", "-d", "nspawn", "--nspawn-subnet", "198.51.100.7/24", "x");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Error setting machine configuration from flags provided: invalid subnet"
                + " \"198.51.100.7/24\": host bits are set; did you mean 198.51.100.0/24?\n");
    assertThat(Files.exists(home.resolve("store/machines/x"))).isFalse();
  }

  @Test
  void create_valuesFromTheEnvironment_includingListFlags() {
    CliRunner cli = new CliRunner(home.resolve("store")).env("NSPAWN_SUBNET", "bad");
    assertThat(cli.run("create", "-d", "nspawn", "x").err())
        .isEqualTo(
            "Error setting machine configuration from flags provided: invalid subnet \"bad\":"
                + " expected an IPv4 network such as 198.51.100.0/24\n");

    CliRunner binds = new CliRunner(home.resolve("store")).env("NSPAWN_BIND", "/a:/b,nocolon");
    assertThat(binds.run("create", "-d", "nspawn", "x").err())
        .isEqualTo(
            "Error setting machine configuration from flags provided: invalid --nspawn-bind"
                + " \"nocolon\": expected SRC:DST, e.g. /srv/data:/data\n");
  }
}
