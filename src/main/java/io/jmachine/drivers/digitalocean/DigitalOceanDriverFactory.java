package io.jmachine.drivers.digitalocean;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverFlag;
import io.jmachine.machine.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Droplets on DigitalOcean (spec §7.7). */
public final class DigitalOceanDriverFactory implements DriverFactory {
  /**
   * Where the API is reached; docker-machine has no such setting. It exists for tests and API
   * proxies, and is empty for DigitalOcean itself.
   */
  public static final String API_URL_VARIABLE = "DIGITALOCEAN_API_URL";

  private final Consumer<String> info;
  private final Function<String, DigitalOceanApi> connect;
  private final Sleeper sleeper;

  /**
   * {@code info} receives progress lines, each already prefixed with "(NAME) "; {@code apiUrl} is
   * the value of {@link #API_URL_VARIABLE}, "" for https://api.digitalocean.com. No HTTP client is
   * built until a DigitalOcean machine is used.
   */
  public DigitalOceanDriverFactory(Consumer<String> info, String apiUrl) {
    this(
        info,
        token ->
            new HttpDigitalOceanApi(
                URI.create(apiUrl.isEmpty() ? HttpDigitalOceanApi.DEFAULT_BASE_URL : apiUrl),
                token,
                Sleeper.REAL,
                Clock.systemUTC()),
        Sleeper.REAL);
  }

  DigitalOceanDriverFactory(
      Consumer<String> info, Function<String, DigitalOceanApi> connect, Sleeper sleeper) {
    this.info = info;
    this.connect = connect;
    this.sleeper = sleeper;
  }

  @Override
  public String name() {
    return DigitalOceanDriver.NAME;
  }

  @Override
  public List<DriverFlag> createFlags() {
    return List.of(
        DriverFlag.string(
            "digitalocean-access-token",
            "Digital Ocean access token",
            "DIGITALOCEAN_ACCESS_TOKEN",
            ""),
        DriverFlag.string(
            "digitalocean-ssh-user",
            "SSH username",
            "DIGITALOCEAN_SSH_USER",
            DigitalOceanDriver.DEFAULT_SSH_USER),
        DriverFlag.string(
            "digitalocean-ssh-key-fingerprint",
            "SSH key fingerprint",
            "DIGITALOCEAN_SSH_KEY_FINGERPRINT",
            ""),
        // the trailing space is docker-machine's
        DriverFlag.string(
            "digitalocean-ssh-key-path", "SSH private key path ", "DIGITALOCEAN_SSH_KEY_PATH", ""),
        DriverFlag.integer(
            "digitalocean-ssh-port",
            "SSH port",
            "DIGITALOCEAN_SSH_PORT",
            DigitalOceanDriver.DEFAULT_SSH_PORT),
        DriverFlag.string(
            "digitalocean-image",
            "Digital Ocean Image",
            "DIGITALOCEAN_IMAGE",
            DigitalOceanDriver.DEFAULT_IMAGE),
        DriverFlag.string(
            "digitalocean-region",
            "Digital Ocean region",
            "DIGITALOCEAN_REGION",
            DigitalOceanDriver.DEFAULT_REGION),
        DriverFlag.string(
            "digitalocean-size",
            "Digital Ocean size",
            "DIGITALOCEAN_SIZE",
            DigitalOceanDriver.DEFAULT_SIZE),
        DriverFlag.bool("digitalocean-ipv6", "enable ipv6 for droplet", "DIGITALOCEAN_IPV6"),
        DriverFlag.bool(
            "digitalocean-private-networking",
            "enable private networking for droplet",
            "DIGITALOCEAN_PRIVATE_NETWORKING"),
        DriverFlag.bool(
            "digitalocean-backups", "enable backups for droplet", "DIGITALOCEAN_BACKUPS"),
        DriverFlag.string(
            "digitalocean-userdata",
            "path to file with cloud-init user-data",
            "DIGITALOCEAN_USERDATA",
            ""),
        DriverFlag.bool(
            "digitalocean-monitoring", "enable monitoring for droplet", "DIGITALOCEAN_MONITORING"),
        DriverFlag.string(
            "digitalocean-tags",
            "comma-separated list of tags to apply to the Droplet",
            "DIGITALOCEAN_TAGS",
            ""));
  }

  @Override
  public Driver newDriver(String machineName, String storePath) {
    return new DigitalOceanDriver(machineName, storePath, services(machineName));
  }

  @Override
  public Driver fromJson(Map<String, Object> blob) {
    Object name = blob.get("MachineName");
    return new DigitalOceanDriver(blob, services(name == null ? "" : name.toString()));
  }

  private DigitalOceanDriver.Services services(String machineName) {
    return new DigitalOceanDriver.Services(
        line -> info.accept("(" + machineName + ") " + line), connect, sleeper);
  }
}
