package io.jmachine.drivers.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cli.CliRunner;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.fakes.FakeDigitalOcean;
import io.jmachine.host.Host;
import io.jmachine.host.HostOptions;
import io.jmachine.store.FileMachineStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** digitalocean machines through the CLI, against a fake API on loopback, with exact outputs. */
class DigitalOceanCliTest {
  @TempDir Path home;
  private Path store;
  private FakeDigitalOcean api;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    store = home.resolve("store");
    api = new FakeDigitalOcean();
    cli = new CliRunner(store).env(DigitalOceanDriverFactory.API_URL_VARIABLE, api.url());
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  /** A machine as create leaves it, for droplet {@code dropletId}. */
  private void saveMachine(String name, int dropletId, int keyId) throws Exception {
    DriverRegistry registry =
        new DriverRegistry(List.of(new DigitalOceanDriverFactory(line -> {}, api.url())));
    FileMachineStore machines = new FileMachineStore(store, registry);
    Files.createDirectories(machines.machineDir(name));
    Map<String, Object> blob = new LinkedHashMap<>();
    blob.put("IPAddress", "127.0.0.1");
    blob.put("MachineName", name);
    blob.put("SSHUser", "root");
    blob.put("SSHPort", 22);
    blob.put("StorePath", store.toString());
    blob.put("AccessToken", FakeDigitalOcean.TOKEN);
    blob.put("DropletID", dropletId);
    blob.put("SSHKeyID", keyId);
    machines.save(
        new Host(
            name,
            registry.load("digitalocean", name, blob),
            "digitalocean",
            HostOptions.fromJson(Map.of())));
  }

  @Test
  void createHelp_digitalocean_mergesItsFlagsWithTheSharedOnesSorted() throws Exception {
    String expected =
        new String(
            getClass().getResourceAsStream("/digitalocean/create-help.txt").readAllBytes(),
            StandardCharsets.UTF_8);

    CliRunner.Result r = cli.run("create", "-d", "digitalocean", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(expected);
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void create_withoutAccessToken_failsBeforeAnythingIsDone() {
    CliRunner.Result r = cli.run("create", "-d", "digitalocean", "do1");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "Error setting machine configuration from flags provided: digitalocean driver"
                + " requires the --digitalocean-access-token option\n");
    assertThat(Files.exists(store.resolve("machines/do1"))).isFalse();
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void create_tokenFromTheEnvironmentAndUnknownRegion_failsThePreCreateCheckWithExit3() {
    CliRunner.Result r =
        cli.env("DIGITALOCEAN_ACCESS_TOKEN", FakeDigitalOcean.TOKEN)
            .env("DIGITALOCEAN_REGION", "mars1")
            .run("create", "-d", "digitalocean", "do1");

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out())
        .isEqualTo(
            "Creating CA: "
                + store.resolve("certs/ca.pem")
                + "\nCreating client certificate: "
                + store.resolve("certs/cert.pem")
                + "\nRunning pre-create checks...\n");
    assertThat(r.err())
        .isEqualTo("Error with pre-create check: \"digitalocean requires a valid region\"\n");
    assertThat(api.requestLines()).containsExactly("GET /v2/regions");
    assertThat(Files.exists(store.resolve("machines/do1"))).isFalse();
  }

  @Test
  void create_dropletRefused_keepsTheMachineWhichRmThenCleansUp() throws Exception {
    api.failNext("POST", "/v2/droplets", 422);

    CliRunner.Result created =
        cli.run(
            "create",
            "-d",
            "digitalocean",
            "--digitalocean-access-token",
            FakeDigitalOcean.TOKEN,
            "do1");

    assertThat(created.exit()).isEqualTo(1);
    assertThat(created.out())
        .endsWith(
            "Running pre-create checks...\nCreating machine...\n(do1) Creating SSH key...\n"
                + "(do1) Creating Digital Ocean droplet...\n");
    assertThat(created.err())
        .isEqualTo(
            "Error creating machine: Error in driver during machine creation: POST "
                + api.url()
                + "/v2/droplets: 422 (request \"req-422\") Region is not available\n");
    assertThat(Files.exists(store.resolve("machines/do1/config.json"))).isTrue();
    assertThat(api.keys()).hasSize(1);
    int keyId = api.keys().keySet().iterator().next();
    api.clearRequests();

    CliRunner.Result removed = cli.run("rm", "-y", "do1");

    assertThat(removed.exit()).isZero();
    assertThat(removed.out())
        .isEqualTo(
            "About to remove do1\n"
                + "WARNING: This action will delete both local reference and remote instance.\n"
                + "(do1) Digital Ocean droplet doesn't exist, assuming it is already deleted\n"
                + "Successfully removed do1\n");
    assertThat(api.requestLines())
        .containsExactly("DELETE /v2/account/keys/" + keyId, "DELETE /v2/droplets/0");
    assertThat(api.keys()).isEmpty();
    assertThat(Files.exists(store.resolve("machines/do1"))).isFalse();
  }

  @Test
  void ls_dropletStates_showAsDockerMachineShowsThem() throws Exception {
    api.addDroplet(11, "a", "new", "");
    api.addDroplet(12, "b", "off", "127.0.0.1");
    api.addDroplet(14, "d", "archive", "127.0.0.1");
    saveMachine("a", 11, 0);
    saveMachine("b", 12, 0);
    saveMachine("c", 13, 0);
    saveMachine("d", 14, 0);

    CliRunner.Result r = cli.run("ls");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "NAME   ACTIVE   DRIVER         STATE      URL   SWARM   DOCKER    ERRORS\n"
                + "a      -        digitalocean   Starting                 Unknown   \n"
                + "b      -        digitalocean   Stopped                  Unknown   \n"
                + "c      -        digitalocean   Error                    Unknown   GET "
                + api.url()
                + "/v2/droplets/13: 404 (request \"req-404\") The resource you were accessing"
                + " could not be found.\n"
                + "d      -        digitalocean                            Unknown   \n");
  }

  @Test
  void inspect_digitaloceanMachine_showsTheDriverBlob() throws Exception {
    saveMachine("do1", 12, 34);

    CliRunner.Result r =
        cli.run(
            "inspect",
            "-f",
            "{{.DriverName}} {{.Driver.DropletID}} {{.Driver.SSHKeyID}} {{.Driver.Region}}"
                + " {{.Driver.Size}} {{.Driver.Image}}",
            "do1");

    assertThat(r.out()).isEqualTo("digitalocean 12 34 nyc3 s-1vcpu-1gb ubuntu-16-04-x64\n");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void stopAndKill_runningDroplet_sendActionsAndWaitForTheState() throws Exception {
    api.addDroplet(14, "d", "active", "127.0.0.1");
    saveMachine("d", 14, 0);

    CliRunner.Result stopped = cli.run("stop", "d");
    CliRunner.Result stoppedAgain = cli.run("stop", "d");

    assertThat(stopped.exit()).isZero();
    assertThat(stopped.out()).isEqualTo("Stopping \"d\"...\nMachine \"d\" was stopped.\n");
    assertThat(stoppedAgain.exit()).isEqualTo(1);
    assertThat(stoppedAgain.err()).isEqualTo("Machine \"d\" is already stopped.\n");
    assertThat(api.requestLines())
        .containsExactly(
            "GET /v2/droplets/14",
            "POST /v2/droplets/14/actions {\"type\":\"shutdown\"}",
            "GET /v2/droplets/14",
            "GET /v2/droplets/14");
  }

  @Test
  void start_stoppedDroplet_powersItOnThenWaitsForSsh() throws Exception {
    api.addDroplet(12, "b", "off", "127.0.0.1");
    saveMachine("b", 12, 0);

    CliRunner.Result r = cli.run("start", "b");

    // the machine has no key file here, so the SSH wait after start fails before connecting
    assertThat(r.out())
        .isEqualTo(
            "Starting \"b\"...\nMachine \"b\" was started.\nWaiting for SSH to be available...\n");
    assertThat(r.err())
        .isEqualTo("stat " + store.resolve("machines/b/id_rsa") + ": no such file or directory\n");
    assertThat(api.requestLines())
        .containsExactly(
            "GET /v2/droplets/12",
            "POST /v2/droplets/12/actions {\"type\":\"power_on\"}",
            "GET /v2/droplets/12");
  }

  @Test
  void rm_droplet_deletesItsKeyAndTheDroplet() throws Exception {
    FakeDigitalOcean.Key key = api.addKey("do1", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB");
    api.addDroplet(14, "do1", "active", "127.0.0.1");
    saveMachine("do1", 14, key.id());

    CliRunner.Result r = cli.run("rm", "-y", "do1");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "About to remove do1\n"
                + "WARNING: This action will delete both local reference and remote instance.\n"
                + "Successfully removed do1\n");
    assertThat(api.requestLines())
        .containsExactly("DELETE /v2/account/keys/" + key.id(), "DELETE /v2/droplets/14");
    assertThat(api.droplets()).isEmpty();
  }

  @Test
  void rm_apiFailing_keepsTheMachine() throws Exception {
    saveMachine("do1", 14, 0);
    api.failNext("DELETE", "/v2/account/keys/0", 500);

    CliRunner.Result r = cli.run("rm", "-y", "do1");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Error removing host \"do1\": DELETE "
                + api.url()
                + "/v2/account/keys/0: 500 (request \"req-500\") Server Error\n");
    assertThat(Files.exists(store.resolve("machines/do1"))).isTrue();
  }
}
