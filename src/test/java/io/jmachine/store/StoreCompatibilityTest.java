package io.jmachine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cli.CliRunner;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.drivers.none.NoneDriverFactory;
import io.jmachine.host.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores written by docker-machine v0.16.2 load here, and what we write is what it writes. */
class StoreCompatibilityTest {
  private static final String THEIR_STORE = "/home/me/.docker/machine";
  @TempDir Path tmp;

  private Path fixture(String name) {
    return StoreFixtures.copy(name, tmp);
  }

  private static FileMachineStore open(Path root) {
    return new FileMachineStore(root, new DriverRegistry(List.of(new NoneDriverFactory())));
  }

  @Test
  void dockerMachineStore_everyMachine_savesBackByteIdentical() throws Exception {
    Path root = fixture("docker-machine-0.16.2");
    FileMachineStore store = open(root);
    for (String name : List.of("nonehost", "ubu", "vb1")) {
      Path config = root.resolve("machines").resolve(name).resolve("config.json");
      String before = Files.readString(config);
      Host host = store.load(name);
      store.save(host);
      assertThat(Files.readString(config)).as(name).isEqualTo(before);
    }
  }

  @Test
  void dockerMachineStore_listsEveryMachine_missingDriversAsNotFound() throws Exception {
    Path root = fixture("docker-machine-0.16.2");
    CliRunner cli = new CliRunner(root);

    assertThat(cli.run("ls", "-q").out()).isEqualTo("nonehost\nubu\nvb1\n");
    String rows =
        cli.run("ls", "-t", "2", "--format", "{{.Name}} {{.DriverName}} {{.State}}").out();
    assertThat(rows).startsWith("nonehost none Running\n").endsWith("vb1 not-found Error\n");
    assertThat(cli.run("inspect", "-f", "{{.Driver.SSHPort}} {{.Driver.EnginePort}}", "ubu").out())
        .isEqualTo("2222 2376\n");
  }

  @Test
  void ourNoneMachine_isTheJsonDockerMachineWrites() throws Exception {
    Path expected =
        Path.of(
            getClass()
                .getResource("/stores/docker-machine-0.16.2/machines/nonehost/config.json")
                .toURI());
    Path root = tmp.resolve("ours");
    CliRunner cli = new CliRunner(root);
    CliRunner.Result r =
        cli.run(
            "create",
            "-d",
            "none",
            "--url",
            "tcp://127.0.0.1:2376",
            "--engine-label",
            "foo=bar",
            "--tls-san",
            "example.com",
            "nonehost");
    assertThat(r.exit()).as(r.err()).isZero();

    String ours =
        Files.readString(root.resolve("machines/nonehost/config.json"))
            .replace(root.toString(), THEIR_STORE);
    assertThat(ours).isEqualTo(Files.readString(expected));
  }

  @Test
  void configVersion1_migratesToVersion3_keepingABackup() throws Exception {
    Path root = fixture("config-v1");
    Path config = root.resolve("machines/old/config.json");
    String original = Files.readString(config);

    Host host = open(root).load("old");

    assertThat(host.driver().getUrl()).isEqualTo("tcp://10.0.0.5:2376");
    assertThat(host.options().authOptions().caPrivateKeyPath())
        .isEqualTo(THEIR_STORE + "/certs/ca-key.pem");
    assertThat(host.options().authOptions().certDir()).isEqualTo(root.resolve("certs").toString());
    assertThat(Files.readString(root.resolve("machines/old/config.json.bak"))).isEqualTo(original);
    String migrated = Files.readString(config);
    assertThat(migrated).startsWith("{\n    \"ConfigVersion\": 3,\n");
    assertThat(migrated).contains("\"StorePath\": \"" + root + "\"");
    assertThat(migrated)
        .doesNotContain(
            "PrivateKeyPath\": \""
                + THEIR_STORE
                + "/certs/ca-key.pem\",\n            \"ClientCertPath");
  }
}
