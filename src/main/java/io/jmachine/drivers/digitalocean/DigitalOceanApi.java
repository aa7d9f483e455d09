package io.jmachine.drivers.digitalocean;

import java.util.List;

/**
 * The part of DigitalOcean's API v2 the driver uses, one method per call docker-machine makes. A
 * failed call throws {@link DigitalOceanApiException} carrying the HTTP status.
 */
interface DigitalOceanApi {
  /** GET /v2/regions, every page: the region slugs. */
  List<String> regionSlugs();

  /** GET /v2/account/keys/{fingerprint}. */
  AccountKey keyByFingerprint(String fingerprint);

  /** POST /v2/account/keys. */
  AccountKey createKey(String name, String publicKey);

  /** DELETE /v2/account/keys/{id}. */
  void deleteKey(int id);

  /** POST /v2/droplets. */
  Droplet createDroplet(DropletRequest request);

  /** GET /v2/droplets/{id}. */
  Droplet droplet(int id);

  /** DELETE /v2/droplets/{id}. */
  void deleteDroplet(int id);

  /** POST /v2/droplets/{id}/actions with {"type": type}: power_on, shutdown, reboot, power_off. */
  void dropletAction(int id, String type);

  /** An SSH key of the account. */
  record AccountKey(int id, String fingerprint) {}

  /** What the driver reads of a droplet; publicIpv4 is "" until DigitalOcean assigned one. */
  record Droplet(int id, String status, String publicIpv4) {}

  /** The body of a droplet creation, as docker-machine sends it. */
  record DropletRequest(
      String name,
      String region,
      String size,
      String image,
      int sshKeyId,
      boolean backups,
      boolean ipv6,
      boolean privateNetworking,
      boolean monitoring,
      String userData,
      List<String> tags) {}
}
