package io.jmachine.drivers.digitalocean;

import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.object;
import static io.jmachine.json.JsonFields.string;

import io.jmachine.error.GoQuote;
import io.jmachine.json.GoJson;
import io.jmachine.json.JsonSyntaxException;
import io.jmachine.machine.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DigitalOcean's API v2 over HTTPS with a bearer token. Rate-limited calls (429) are retried a few
 * times after the wait the answer asks for; every other failure is reported in godo's words: {@code
 * METHOD URL: STATUS MESSAGE}.
 */
final class HttpDigitalOceanApi implements DigitalOceanApi {
  static final String DEFAULT_BASE_URL = "https://api.digitalocean.com";
  static final int RATE_LIMIT_RETRIES = 4;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String token;
  private final Sleeper sleeper;
  private final Clock clock;
  private final HttpClient http;

  HttpDigitalOceanApi(URI base, String token, Sleeper sleeper, Clock clock) {
    this.base = base;
    this.token = token;
    this.sleeper = sleeper;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public List<String> regionSlugs() {
    List<String> slugs = new ArrayList<>();
    URI page = resolve("/v2/regions");
    while (page != null) {
      Map<String, Object> answer = call("GET", page, null);
      if (answer.get("regions") instanceof List<?> regions) {
        for (Object region : regions) {
          if (region instanceof Map<?, ?> r && r.get("slug") != null) {
            slugs.add(r.get("slug").toString());
          }
        }
      }
      page = nextPage(answer);
    }
    return slugs;
  }

  /**
   * The next page's link, followed only on the API's own origin so that an answer cannot send the
   * token elsewhere.
   */
  private URI nextPage(Map<String, Object> answer) {
    String next = string(object(object(answer, "links"), "pages"), "next");
    if (next.isEmpty()) {
      return null;
    }
    URI uri = URI.create(next);
    boolean sameOrigin =
        base.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
            && base.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
            && base.getPort() == uri.getPort();
    return sameOrigin ? uri : null;
  }

  @Override
  public AccountKey keyByFingerprint(String fingerprint) {
    return key(call("GET", resolve("/v2/account/keys/" + fingerprint), null));
  }

  @Override
  public AccountKey createKey(String name, String publicKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("public_key", publicKey);
    return key(call("POST", resolve("/v2/account/keys"), body));
  }

  private static AccountKey key(Map<String, Object> answer) {
    Map<String, Object> key = object(answer, "ssh_key");
    return new AccountKey(integer(key, "id"), string(key, "fingerprint"));
  }

  @Override
  public void deleteKey(int id) {
    call("DELETE", resolve("/v2/account/keys/" + id), null);
  }

  @Override
  public Droplet createDroplet(DropletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", request.name());
    body.put("region", request.region());
    body.put("size", request.size());
    body.put("image", request.image());
    body.put("ssh_keys", List.of(request.sshKeyId()));
    body.put("backups", request.backups());
    body.put("ipv6", request.ipv6());
    body.put("private_networking", request.privateNetworking());
    body.put("monitoring", request.monitoring());
    if (!request.userData().isEmpty()) {
      body.put("user_data", request.userData());
    }
    body.put("tags", request.tags().isEmpty() ? null : request.tags());
    return droplet(call("POST", resolve("/v2/droplets"), body));
  }

  @Override
  public Droplet droplet(int id) {
    return droplet(call("GET", resolve("/v2/droplets/" + id), null));
  }

  private static Droplet droplet(Map<String, Object> answer) {
    Map<String, Object> droplet = object(answer, "droplet");
    String ip = "";
    if (object(droplet, "networks").get("v4") instanceof List<?> networks) {
      for (Object network : networks) {
        if (network instanceof Map<?, ?> n && "public".equals(n.get("type"))) {
          ip = String.valueOf(n.get("ip_address"));
        }
      }
    }
    return new Droplet(integer(droplet, "id"), string(droplet, "status"), ip);
  }

  @Override
  public void deleteDroplet(int id) {
    call("DELETE", resolve("/v2/droplets/" + id), null);
  }

  @Override
  public void dropletAction(int id, String type) {
    call("POST", resolve("/v2/droplets/" + id + "/actions"), Map.of("type", type));
  }

  private URI resolve(String path) {
    String root = base.toString();
    return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
  }

  /** One call, retried while rate-limited; the answer's JSON object ({} for 204). */
  private Map<String, Object> call(String method, URI uri, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(GoJson.compact(body)));
    }
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = send(method, uri, request.build());
      if (response.statusCode() == 429 && attempt < RATE_LIMIT_RETRIES) {
        sleeper.sleep(RateLimitWait.after(response.headers(), clock.instant()));
        continue;
      }
      if (response.statusCode() / 100 != 2) {
        throw failure(method, uri, response);
      }
      return parse(method, uri, response.body());
    }
  }

  private HttpResponse<String> send(String method, URI uri, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DigitalOceanApiException(method + " " + uri + ": " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DigitalOceanApiException(method + " " + uri + ": interrupted", e);
    }
  }

  /** The JDK often gives no message for these; Go's wording says what happened. */
  private static String reason(IOException e) {
    if (e instanceof ConnectException) {
      return "connect: connection refused";
    }
    if (e instanceof HttpTimeoutException) {
      return "request timed out";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String method, URI uri, String text) {
    if (text.isBlank()) {
      return Map.of();
    }
    try {
      return GoJson.parse(text) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    } catch (JsonSyntaxException e) {
      throw new DigitalOceanApiException(
          method + " " + uri + ": unreadable answer: " + e.getMessage(), e);
    }
  }

  /** godo's ErrorResponse text, with the request id when DigitalOcean gave one. */
  @SuppressWarnings("unchecked")
  private static DigitalOceanApiException failure(
      String method, URI uri, HttpResponse<String> response) {
    String message = response.body().strip();
    String requestId = "";
    try {
      if (GoJson.parse(response.body()) instanceof Map<?, ?> m) {
        Map<String, Object> error = (Map<String, Object>) m;
        message = string(error, "message");
        requestId = string(error, "request_id");
      }
    } catch (JsonSyntaxException e) {
      // not DigitalOcean's JSON (a proxy's page): the raw text is the best explanation
    }
    String status =
        requestId.isEmpty()
            ? String.valueOf(response.statusCode())
            : response.statusCode() + " (request " + GoQuote.quote(requestId) + ")";
    return new DigitalOceanApiException(
        method + " " + uri + ": " + status + " " + message, response.statusCode());
  }
}
