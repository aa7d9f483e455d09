package io.jmachine.drivers.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFlag;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.fakes.FakeDigitalOcean;
import io.jmachine.json.GoJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against a fake DigitalOcean API v2 on loopback, through the real HTTP client. */
class DigitalOceanDriverTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  @TempDir Path store;
  private final List<String> info = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private FakeDigitalOcean api;

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeDigitalOcean();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private DigitalOceanDriverFactory factory() {
    return new DigitalOceanDriverFactory(
        info::add,
        token ->
            new HttpDigitalOceanApi(
                URI.create(api.url()), token, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC)),
        sleeps::add);
  }

  private Driver configured(Map<String, Object> flags) throws Exception {
    Files.createDirectories(store.resolve("machines/do1"));
    Map<String, Object> values = new HashMap<>();
    for (DriverFlag flag : factory().createFlags()) {
      values.put(flag.name(), flag.defaultValue());
    }
    values.put("digitalocean-access-token", FakeDigitalOcean.TOKEN);
    values.putAll(flags);
    Driver driver = factory().newDriver("do1", store.toString());
    driver.setConfigFromFlags(new DriverOptions(values));
    return driver;
  }

  private Driver loaded(int dropletId, String fingerprint) {
    Map<String, Object> blob = new HashMap<>();
    blob.put("MachineName", "do1");
    blob.put("StorePath", store.toString());
    blob.put("IPAddress", "127.0.0.1");
    blob.put("AccessToken", FakeDigitalOcean.TOKEN);
    blob.put("DropletID", dropletId);
    blob.put("SSHKeyID", 1000);
    blob.put("SSHKeyFingerprint", fingerprint);
    return factory().fromJson(blob);
  }

  @Test
  void createFlags_areDockerMachinesWithEnvVarsAndDefaults() {
    assertThat(factory().createFlags())
        .extracting(f -> f.name() + "|" + f.kind() + "|" + f.envVar() + "|" + f.defaultValue())
        .containsExactly(
            "digitalocean-access-token|STRING|DIGITALOCEAN_ACCESS_TOKEN|",
            "digitalocean-ssh-user|STRING|DIGITALOCEAN_SSH_USER|root",
            "digitalocean-ssh-key-fingerprint|STRING|DIGITALOCEAN_SSH_KEY_FINGERPRINT|",
            "digitalocean-ssh-key-path|STRING|DIGITALOCEAN_SSH_KEY_PATH|",
            "digitalocean-ssh-port|INT|DIGITALOCEAN_SSH_PORT|22",
            "digitalocean-image|STRING|DIGITALOCEAN_IMAGE|ubuntu-16-04-x64",
            "digitalocean-region|STRING|DIGITALOCEAN_REGION|nyc3",
            "digitalocean-size|STRING|DIGITALOCEAN_SIZE|s-1vcpu-1gb",
            "digitalocean-ipv6|BOOL|DIGITALOCEAN_IPV6|false",
            "digitalocean-private-networking|BOOL|DIGITALOCEAN_PRIVATE_NETWORKING|false",
            "digitalocean-backups|BOOL|DIGITALOCEAN_BACKUPS|false",
            "digitalocean-userdata|STRING|DIGITALOCEAN_USERDATA|",
            "digitalocean-monitoring|BOOL|DIGITALOCEAN_MONITORING|false",
            "digitalocean-tags|STRING|DIGITALOCEAN_TAGS|");
  }

  @Test
  void setConfigFromFlags_noToken_failsWithDockerMachinesMessage() {
    assertThatThrownBy(() -> configured(Map.of("digitalocean-access-token", "")))
        .hasMessage("digitalocean driver requires the --digitalocean-access-token option");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void preCreateCheck_regionOnALaterPage_followsTheNextLinks() throws Exception {
    api.regions(2, "ams3", "fra1", "lon1", "nyc3");

    configured(Map.of()).preCreateCheck();

    assertThat(api.requestLines()).containsExactly("GET /v2/regions", "GET /v2/regions?page=2");
  }

  @Test
  void preCreateCheck_unknownRegion_failsAfterReadingEveryPage() throws Exception {
    api.regions(2, "ams3", "fra1", "lon1");

    assertThatThrownBy(() -> configured(Map.of("digitalocean-region", "mars1")).preCreateCheck())
        .hasMessage("digitalocean requires a valid region");
    assertThat(api.requestLines()).containsExactly("GET /v2/regions", "GET /v2/regions?page=2");
  }

  @Test
  void preCreateCheck_badToken_failsInGodosWords() throws Exception {
    Driver driver = configured(Map.of("digitalocean-access-token", "wrong"));

    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage(
            "GET "
                + api.url()
                + "/v2/regions: 401 (request \"req-401\") Unable to authenticate you");
  }

  @Test
  void preCreateCheck_keyPathWithoutFingerprint_failsBeforeAnyApiCall() throws Exception {
    Path key = Files.writeString(store.resolve("key"), "k");
    Driver driver = configured(Map.of("digitalocean-ssh-key-path", key.toString()));

    assertThatThrownBy(driver::preCreateCheck)
        .hasMessage("ssh-key-fingerprint needs to be provided for \"" + key + "\"");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void preCreateCheck_missingKeyOrUserData_failsWithDockerMachinesMessages() throws Exception {
    Driver missingKey =
        configured(
            Map.of(
                "digitalocean-ssh-key-path", "/nonexistent/key",
                "digitalocean-ssh-key-fingerprint", "aa:bb"));
    Driver missingUserData = configured(Map.of("digitalocean-userdata", "/nonexistent/ud"));

    assertThatThrownBy(missingKey::preCreateCheck)
        .hasMessage("SSH key does not exist: \"/nonexistent/key\"");
    assertThatThrownBy(missingUserData::preCreateCheck)
        .hasMessage("user-data file /nonexistent/ud could not be found");
  }

  @Test
  void create_noKeyGiven_uploadsAGeneratedKeyCreatesTheDropletAndWaitsForItsAddress()
      throws Exception {
    api.pollsUntilAddress(2);
    Driver driver = configured(Map.of());

    driver.create();

    Path machineDir = store.resolve("machines/do1");
    String publicKey = Files.readString(machineDir.resolve("id_rsa.pub"));
    int keyId = api.keys().keySet().iterator().next();
    int dropletId = api.droplets().keySet().iterator().next();
    assertThat(api.requestLines())
        .containsExactly(
            "POST /v2/account/keys {\"name\":\"do1\",\"public_key\":"
                + GoJson.compact(publicKey)
                + "}",
            "POST /v2/droplets {\"name\":\"do1\",\"region\":\"nyc3\",\"size\":\"s-1vcpu-1gb\","
                + "\"image\":\"ubuntu-16-04-x64\",\"ssh_keys\":["
                + keyId
                + "],\"backups\":false,\"ipv6\":false,\"private_networking\":false,"
                + "\"monitoring\":false,\"tags\":null}",
            "GET /v2/droplets/" + dropletId,
            "GET /v2/droplets/" + dropletId,
            "GET /v2/droplets/" + dropletId);
    assertThat(info)
        .containsExactly(
            "(do1) Creating SSH key...",
            "(do1) Creating Digital Ocean droplet...",
            "(do1) Waiting for IP address to be assigned to the Droplet...");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(publicKey).startsWith("ssh-rsa ").endsWith("\n");
    assertThat(Files.readString(machineDir.resolve("id_rsa")))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    assertThat(mode(machineDir.resolve("id_rsa"))).isEqualTo("rw-------");
    assertThat(driver.getIp()).isEqualTo("127.0.0.1");
    assertThat(driver.sshKeyPath()).isEqualTo(machineDir.resolve("id_rsa").toString());
    Map<String, Object> blob = driver.toJson();
    assertThat(blob.get("DropletID")).isEqualTo(dropletId);
    assertThat(blob.get("SSHKeyID")).isEqualTo(keyId);
    assertThat(blob.get("SSHKeyPath")).isEqualTo(machineDir.resolve("id_rsa").toString());
  }

  @Test
  void create_everyDropletOption_isSentAsDockerMachineSendsIt() throws Exception {
    Path userData = Files.writeString(store.resolve("cloud-init"), "#cloud-config\n");
    api.regions(20, "fra1");
    Driver driver =
        configured(
            Map.of(
                "digitalocean-region",
                "fra1",
                "digitalocean-size",
                "s-2vcpu-2gb",
                "digitalocean-image",
                "debian-12-x64",
                "digitalocean-ipv6",
                true,
                "digitalocean-private-networking",
                true,
                "digitalocean-backups",
                true,
                "digitalocean-monitoring",
                true,
                "digitalocean-userdata",
                userData.toString(),
                "digitalocean-tags",
                " web, ,docker "));

    driver.create();

    int keyId = api.keys().keySet().iterator().next();
    assertThat(api.requestLines().get(1))
        .isEqualTo(
            "POST /v2/droplets {\"name\":\"do1\",\"region\":\"fra1\",\"size\":\"s-2vcpu-2gb\","
                + "\"image\":\"debian-12-x64\",\"ssh_keys\":["
                + keyId
                + "],\"backups\":true,\"ipv6\":true,\"private_networking\":true,"
                + "\"monitoring\":true,\"user_data\":\"#cloud-config\\n\","
                + "\"tags\":[\"web\",\"docker\"]}");
  }

  @Test
  void create_accountKeyByFingerprintWithKeyPath_copiesTheKeyAndUploadsNothing() throws Exception {
    FakeDigitalOcean.Key accountKey = api.addKey("mine", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB");
    Path key = Files.writeString(store.resolve("my_key"), "PRIVATE");
    Driver driver =
        configured(
            Map.of(
                "digitalocean-ssh-key-fingerprint", accountKey.fingerprint(),
                "digitalocean-ssh-key-path", key.toString()));

    driver.create();

    Path copy = store.resolve("machines/do1/my_key");
    assertThat(api.requestLines().get(0))
        .isEqualTo("GET /v2/account/keys/" + accountKey.fingerprint());
    assertThat(api.requestLines().get(1)).contains("\"ssh_keys\":[" + accountKey.id() + "]");
    assertThat(api.keys()).hasSize(1);
    assertThat(Files.readString(copy)).isEqualTo("PRIVATE");
    assertThat(mode(copy)).isEqualTo("rw-------");
    assertThat(driver.sshKeyPath()).isEqualTo(copy.toString());
  }

  @Test
  void create_accountKeyByFingerprintOnly_assumesTheUsersDefaultKey() throws Exception {
    FakeDigitalOcean.Key accountKey = api.addKey("mine", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB");
    Driver driver =
        configured(Map.of("digitalocean-ssh-key-fingerprint", accountKey.fingerprint()));

    driver.create();

    assertThat(info)
        .contains("(do1) Assuming Digital Ocean private SSH is located at ~/.ssh/id_rsa");
    assertThat(driver.sshKeyPath()).isEmpty();
    assertThat(Files.exists(store.resolve("machines/do1/id_rsa"))).isFalse();
  }

  @Test
  void create_unknownFingerprint_failsWithDockerMachinesMessage() throws Exception {
    Driver driver = configured(Map.of("digitalocean-ssh-key-fingerprint", "aa:bb:cc"));

    assertThatThrownBy(driver::create)
        .hasMessage("Digital Ocean SSH key with fingerprint aa:bb:cc doesn't exist");
  }

  @Test
  void create_dropletRefused_failsWithTheApiMessageAndKeepsTheKeyId() throws Exception {
    api.failNext("POST", "/v2/droplets", 422);
    Driver driver = configured(Map.of());

    assertThatThrownBy(driver::create)
        .hasMessage(
            "POST "
                + api.url()
                + "/v2/droplets: 422 (request \"req-422\") Region is not available");
    assertThat(driver.toJson().get("SSHKeyID")).isEqualTo(api.keys().keySet().iterator().next());
  }

  @Test
  void getState_mapsDropletStatus() {
    api.addDroplet(1, "a", "new", "");
    api.addDroplet(2, "b", "active", "127.0.0.1");
    api.addDroplet(3, "c", "off", "127.0.0.1");
    api.addDroplet(4, "d", "archive", "127.0.0.1");

    assertThat(loaded(1, "").getState()).isEqualTo(MachineState.STARTING);
    assertThat(loaded(2, "").getState()).isEqualTo(MachineState.RUNNING);
    assertThat(loaded(3, "").getState()).isEqualTo(MachineState.STOPPED);
    assertThat(loaded(4, "").getState()).isEqualTo(MachineState.NONE);
  }

  @Test
  void getState_dropletGone_failsWithTheApiError() {
    assertThatThrownBy(() -> loaded(77, "").getState())
        .hasMessage(
            "GET "
                + api.url()
                + "/v2/droplets/77: 404 (request \"req-404\") The resource you were accessing"
                + " could not be found.");
  }

  @Test
  void getState_apiUnreachable_failsNamingTheRequest() {
    String url = api.url();
    api.close();

    assertThatThrownBy(() -> loaded(3, "").getState())
        .hasMessage("GET " + url + "/v2/droplets/3: connect: connection refused");
  }

  @Test
  void getUrl_runningOrNot_isTheEnginePortOrHostIsNotRunning() {
    api.addDroplet(2, "b", "active", "127.0.0.1");
    api.addDroplet(3, "c", "off", "127.0.0.1");

    assertThat(loaded(2, "").getUrl()).isEqualTo("tcp://127.0.0.1:2376");
    assertThatThrownBy(() -> loaded(3, "").getUrl()).hasMessage("Host is not running");
  }

  @Test
  void powerOperations_sendDropletActions() {
    api.addDroplet(5, "e", "active", "127.0.0.1");
    Driver driver = loaded(5, "");

    driver.stop();
    driver.start();
    driver.restart();
    driver.kill();

    assertThat(api.requestLines())
        .containsExactly(
            "POST /v2/droplets/5/actions {\"type\":\"shutdown\"}",
            "POST /v2/droplets/5/actions {\"type\":\"power_on\"}",
            "POST /v2/droplets/5/actions {\"type\":\"reboot\"}",
            "POST /v2/droplets/5/actions {\"type\":\"power_off\"}");
  }

  @Test
  void remove_deletesTheUploadedKeyAndTheDroplet() {
    FakeDigitalOcean.Key key = api.addKey("do1", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB");
    api.addDroplet(6, "do1", "active", "127.0.0.1");

    loaded(6, "").remove();

    assertThat(api.requestLines())
        .containsExactly("DELETE /v2/account/keys/" + key.id(), "DELETE /v2/droplets/6");
    assertThat(api.keys()).isEmpty();
    assertThat(api.droplets()).isEmpty();
    assertThat(info).isEmpty();
  }

  @Test
  void remove_keyAndDropletAlreadyGone_onlyLogs() {
    loaded(6, "").remove();

    assertThat(info)
        .containsExactly(
            "(do1) Digital Ocean SSH key doesn't exist, assuming it is already deleted",
            "(do1) Digital Ocean droplet doesn't exist, assuming it is already deleted");
  }

  @Test
  void remove_accountKeyByFingerprint_isKept() {
    api.addDroplet(6, "do1", "active", "127.0.0.1");

    loaded(6, "aa:bb").remove();

    assertThat(api.requestLines()).containsExactly("DELETE /v2/droplets/6");
  }

  @Test
  void remove_serverError_fails() {
    api.failNext("DELETE", "/v2/droplets/6", 500);

    assertThatThrownBy(() -> loaded(6, "aa:bb").remove())
        .hasMessage(
            "DELETE " + api.url() + "/v2/droplets/6: 500 (request \"req-500\") Server Error");
  }

  @Test
  void rateLimited_waitsAsRetryAfterOrRateLimitResetSaysThenRetries() {
    api.addDroplet(2, "b", "active", "127.0.0.1");
    api.failNext("GET", "/v2/droplets/2", 429, Map.of("Retry-After", "7"));
    api.failNext(
        "GET",
        "/v2/droplets/2",
        429,
        Map.of("RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 12)));
    api.failNext(
        "GET",
        "/v2/droplets/2",
        429,
        Map.of("RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3600)));

    assertThat(loaded(2, "").getState()).isEqualTo(MachineState.RUNNING);

    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(12), Duration.ofSeconds(60));
    assertThat(api.requests()).hasSize(4);
  }

  @Test
  void rateLimited_beyondTheRetries_failsWithTheApiMessage() {
    for (int i = 0; i < 5; i++) {
      api.failNext("GET", "/v2/droplets/2", 429, Map.of("Retry-After", "1"));
    }

    assertThatThrownBy(() -> loaded(2, "").getState())
        .hasMessage(
            "GET "
                + api.url()
                + "/v2/droplets/2: 429 (request \"req-429\") API Rate limit exceeded.");
    assertThat(sleeps).hasSize(4);
  }

  @Test
  void blob_createdMachine_writesDockerMachinesFieldsInOrderAndReloadsIdentically()
      throws Exception {
    Driver driver = configured(Map.of("digitalocean-tags", "a,b"));
    driver.create();

    String json = GoJson.indented(driver.toJson());
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = (Map<String, Object>) GoJson.parse(json);

    assertThat(parsed.keySet())
        .containsExactly(
            "IPAddress",
            "MachineName",
            "SSHUser",
            "SSHPort",
            "SSHKeyPath",
            "StorePath",
            "SwarmMaster",
            "SwarmHost",
            "SwarmDiscovery",
            "AccessToken",
            "DropletID",
            "DropletName",
            "Image",
            "Region",
            "SSHKeyID",
            "SSHKeyFingerprint",
            "SSHKey",
            "Size",
            "IPv6",
            "Backups",
            "PrivateNetworking",
            "UserDataFile",
            "Monitoring",
            "Tags");
    assertThat(GoJson.indented(factory().fromJson(parsed).toJson())).isEqualTo(json);
    assertThat(parsed.get("DropletName")).isEqualTo("");
    assertThat(parsed.get("Tags")).isEqualTo("a,b");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
