package io.jmachine.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jmachine.json.GoJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DigitalOcean's API v2 as its documentation describes it, for the calls docker-machine makes:
 * account keys, droplets, droplet actions and regions, with the documented status codes, bodies and
 * error shape {"id","message","request_id"}. It runs on 127.0.0.1 and exists only because the real
 * API cannot be reached from the tests. Every request is recorded; answers can be injected.
 */
public final class FakeDigitalOcean implements AutoCloseable {
  public static final String TOKEN = "fake-token-0123456789";
  private static final Pattern KEY = Pattern.compile("/v2/account/keys/([^/]+)");
  private static final Pattern DROPLET = Pattern.compile("/v2/droplets/(\\d+)");
  private static final Pattern ACTIONS = Pattern.compile("/v2/droplets/(\\d+)/actions");
  private static final Map<String, String> ACTION_STATUS =
      Map.of("power_on", "active", "shutdown", "off", "power_off", "off", "reboot", "active");

  /** One request as it arrived: the path includes the query. */
  public record Request(String method, String path, String body) {
    @Override
    public String toString() {
      return body.isEmpty() ? method + " " + path : method + " " + path + " " + body;
    }
  }

  /** A key uploaded to or present in the account. */
  public record Key(int id, String name, String fingerprint, String publicKey) {}

  /** A droplet; ip is "" until DigitalOcean "assigns" it. */
  public static final class Droplet {
    final int id;
    final String name;
    public volatile String status;
    public volatile String ip = "";
    final List<Integer> sshKeys;
    int pollsUntilAddress;

    Droplet(int id, String name, String status, List<Integer> sshKeys) {
      this.id = id;
      this.name = name;
      this.status = status;
      this.sshKeys = sshKeys;
    }
  }

  private record Injected(String method, String path, int status, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final List<Injected> injected = new ArrayList<>();
  private final Map<Integer, Key> keys = new LinkedHashMap<>();
  private final Map<Integer, Droplet> droplets = new LinkedHashMap<>();
  private List<String> regions = List.of("ams3", "fra1", "lon1", "nyc1", "nyc3", "sfo3", "sgp1");
  private int regionsPerPage = 20;
  private int pollsUntilAddress;
  private Function<String, String> machineFor = publicKey -> "127.0.0.1";
  private int nextId = 1000;

  public FakeDigitalOcean() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** What DIGITALOCEAN_API_URL is set to. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<String> requestLines() {
    return requests.stream().map(Request::toString).toList();
  }

  public synchronized void clearRequests() {
    requests.clear();
  }

  public synchronized FakeDigitalOcean regions(int perPage, String... slugs) {
    regions = List.of(slugs);
    regionsPerPage = perPage;
    return this;
  }

  /** GETs of a new droplet that still show no address. */
  public synchronized FakeDigitalOcean pollsUntilAddress(int polls) {
    pollsUntilAddress = polls;
    return this;
  }

  /**
   * What "booting" a droplet means: given the droplet's public key, make a machine accept it and
   * return that machine's address, which the droplet then reports as its public IPv4.
   */
  public synchronized FakeDigitalOcean machines(Function<String, String> bootWithKey) {
    machineFor = bootWithKey;
    return this;
  }

  /** The next METHOD PATH request gets STATUS (with DigitalOcean's error body) instead. */
  public synchronized FakeDigitalOcean failNext(String method, String path, int status) {
    return failNext(method, path, status, Map.of());
  }

  public synchronized FakeDigitalOcean failNext(
      String method, String path, int status, Map<String, String> headers) {
    injected.add(new Injected(method, path, status, headers));
    return this;
  }

  public synchronized Key addKey(String name, String publicKey) {
    Key key = new Key(nextId++, name, fingerprint(publicKey), publicKey);
    keys.put(key.id(), key);
    return key;
  }

  public synchronized Droplet addDroplet(int id, String name, String status, String ip) {
    Droplet droplet = new Droplet(id, name, status, List.of());
    droplet.ip = ip;
    droplets.put(id, droplet);
    return droplet;
  }

  public synchronized Map<Integer, Key> keys() {
    return Map.copyOf(keys);
  }

  public synchronized Map<Integer, Droplet> droplets() {
    return Map.copyOf(droplets);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      Answer answer;
      synchronized (this) {
        requests.add(new Request(method, query == null ? path : path + "?" + query, body));
        try {
          answer = answer(exchange, method, path, query, body);
        } catch (RuntimeException e) {
          answer = Answer.error(500, "server_error", "fake failed: " + e);
        }
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("RateLimit-Limit", "5000");
      exchange.getResponseHeaders().add("RateLimit-Remaining", "4999");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0) {
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      }
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private record Answer(int status, String body, Map<String, String> headers) {
    static Answer json(int status, Object value) {
      return new Answer(status, GoJson.compact(value), Map.of());
    }

    static Answer error(int status, String id, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", id);
      body.put("message", message);
      body.put("request_id", "req-" + status);
      return json(status, body);
    }
  }

  private Answer answer(
      HttpExchange exchange, String method, String path, String query, String body) {
    for (Injected i : injected) {
      if (i.method().equals(method) && i.path().equals(path)) {
        injected.remove(i);
        return injectedAnswer(i);
      }
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!("Bearer " + TOKEN).equals(auth)) {
      return Answer.error(401, "unauthorized", "Unable to authenticate you");
    }
    Map<String, Object> json = parseObject(body);
    Matcher m;
    if (method.equals("GET") && path.equals("/v2/regions")) {
      return regionsPage(query);
    }
    if (method.equals("POST") && path.equals("/v2/account/keys")) {
      return createKey(json);
    }
    if ((m = KEY.matcher(path)).matches()) {
      Key key = findKey(m.group(1));
      if (key == null) {
        return notFound();
      }
      if (method.equals("GET")) {
        return Answer.json(200, Map.of("ssh_key", keyJson(key)));
      }
      if (method.equals("DELETE")) {
        keys.remove(key.id());
        return new Answer(204, "", Map.of());
      }
    }
    if (method.equals("POST") && path.equals("/v2/droplets")) {
      return createDroplet(json);
    }
    if ((m = ACTIONS.matcher(path)).matches() && method.equals("POST")) {
      return action(Integer.parseInt(m.group(1)), json);
    }
    if ((m = DROPLET.matcher(path)).matches()) {
      Droplet droplet = droplets.get(Integer.parseInt(m.group(1)));
      if (droplet == null) {
        return notFound();
      }
      if (method.equals("GET")) {
        if (droplet.ip.isEmpty()
            && !droplet.sshKeys.isEmpty()
            && droplet.pollsUntilAddress-- <= 0) {
          droplet.ip = machineFor.apply(keys.get(droplet.sshKeys.get(0)).publicKey());
          droplet.status = "active";
        }
        return Answer.json(200, Map.of("droplet", dropletJson(droplet)));
      }
      if (method.equals("DELETE")) {
        droplets.remove(droplet.id);
        return new Answer(204, "", Map.of());
      }
    }
    return notFound();
  }

  private static Answer injectedAnswer(Injected i) {
    Answer base =
        switch (i.status()) {
          case 404 -> notFound();
          case 422 -> Answer.error(422, "unprocessable_entity", "Region is not available");
          case 429 -> Answer.error(429, "too_many_requests", "API Rate limit exceeded.");
          default -> Answer.error(i.status(), "server_error", "Server Error");
        };
    return new Answer(base.status(), base.body(), i.headers());
  }

  private static Answer notFound() {
    return Answer.error(404, "not_found", "The resource you were accessing could not be found.");
  }

  private Answer regionsPage(String query) {
    int page = 1;
    if (query != null) {
      Matcher m = Pattern.compile("(?:^|&)page=(\\d+)").matcher(query);
      if (m.find()) {
        page = Integer.parseInt(m.group(1));
      }
    }
    int from = Math.min((page - 1) * regionsPerPage, regions.size());
    int to = Math.min(from + regionsPerPage, regions.size());
    List<Object> items = new ArrayList<>();
    for (String slug : regions.subList(from, to)) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", slug);
      r.put("slug", slug);
      r.put("features", List.of("backups", "ipv6", "metadata", "monitoring"));
      r.put("available", true);
      r.put("sizes", List.of("s-1vcpu-1gb", "s-2vcpu-2gb"));
      items.add(r);
    }
    Map<String, Object> pages = new LinkedHashMap<>();
    if (to < regions.size()) {
      pages.put("next", url() + "/v2/regions?page=" + (page + 1));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("regions", items);
    answer.put("links", Map.of("pages", pages));
    answer.put("meta", Map.of("total", regions.size()));
    return Answer.json(200, answer);
  }

  private Answer createKey(Map<String, Object> json) {
    String publicKey = String.valueOf(json.get("public_key"));
    if (json.get("name") == null || !publicKey.startsWith("ssh-")) {
      return Answer.error(422, "unprocessable_entity", "Key invalid, key should be of the form");
    }
    String fingerprint = fingerprint(publicKey);
    if (keys.values().stream().anyMatch(k -> k.fingerprint().equals(fingerprint))) {
      return Answer.error(422, "unprocessable_entity", "SSH Key is already in use on your account");
    }
    Key key = addKey(json.get("name").toString(), publicKey);
    return Answer.json(201, Map.of("ssh_key", keyJson(key)));
  }

  private Key findKey(String idOrFingerprint) {
    for (Key key : keys.values()) {
      if (String.valueOf(key.id()).equals(idOrFingerprint)
          || key.fingerprint().equals(idOrFingerprint)) {
        return key;
      }
    }
    return null;
  }

  private static Map<String, Object> keyJson(Key key) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", key.id());
    o.put("fingerprint", key.fingerprint());
    o.put("public_key", key.publicKey());
    o.put("name", key.name());
    return o;
  }

  private Answer createDroplet(Map<String, Object> json) {
    for (String field : List.of("name", "region", "size", "image")) {
      if (!(json.get(field) instanceof String s) || s.isEmpty()) {
        return Answer.error(422, "unprocessable_entity", field + " is required");
      }
    }
    if (!regions.contains(json.get("region").toString())) {
      return Answer.error(422, "unprocessable_entity", "Region is not available");
    }
    List<Integer> sshKeys = new ArrayList<>();
    if (json.get("ssh_keys") instanceof List<?> list) {
      for (Object k : list) {
        Key key = findKey(String.valueOf(k));
        if (key == null) {
          return Answer.error(422, "unprocessable_entity", "SSH key " + k + " is invalid");
        }
        sshKeys.add(key.id());
      }
    }
    Droplet droplet = new Droplet(nextId++, json.get("name").toString(), "new", sshKeys);
    droplet.pollsUntilAddress = pollsUntilAddress;
    droplets.put(droplet.id, droplet);
    return Answer.json(202, Map.of("droplet", dropletJson(droplet)));
  }

  private Answer action(int id, Map<String, Object> json) {
    Droplet droplet = droplets.get(id);
    if (droplet == null) {
      return notFound();
    }
    String type = String.valueOf(json.get("type"));
    String status = ACTION_STATUS.get(type);
    if (status == null) {
      return Answer.error(422, "unprocessable_entity", "Action type " + type + " is invalid");
    }
    droplet.status = status;
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("id", nextId++);
    action.put("status", "in-progress");
    action.put("type", type);
    action.put("resource_id", id);
    action.put("resource_type", "droplet");
    return Answer.json(201, Map.of("action", action));
  }

  private static Map<String, Object> dropletJson(Droplet droplet) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", droplet.id);
    o.put("name", droplet.name);
    o.put("memory", 1024);
    o.put("vcpus", 1);
    o.put("disk", 25);
    o.put("locked", false);
    o.put("status", droplet.status);
    List<Object> v4 = new ArrayList<>();
    if (!droplet.ip.isEmpty()) {
      Map<String, Object> privateNet = new LinkedHashMap<>();
      privateNet.put("ip_address", "10.128.0.2");
      privateNet.put("netmask", "255.255.0.0");
      privateNet.put("gateway", "10.128.0.1");
      privateNet.put("type", "private");
      v4.add(privateNet);
      Map<String, Object> publicNet = new LinkedHashMap<>();
      publicNet.put("ip_address", droplet.ip);
      publicNet.put("netmask", "255.255.255.0");
      publicNet.put("gateway", "198.51.100.1");
      publicNet.put("type", "public");
      v4.add(publicNet);
    }
    o.put("networks", Map.of("v4", v4, "v6", List.of()));
    o.put("tags", List.of());
    return o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseObject(String body) {
    if (body.isBlank()) {
      return Map.of();
    }
    try {
      return GoJson.parse(body) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    } catch (Exception e) {
      return Map.of();
    }
  }

  /** DigitalOcean's fingerprint: the MD5 of the key blob, as colon-separated hex pairs. */
  public static String fingerprint(String publicKey) {
    String[] parts = publicKey.strip().split("\\s+");
    try {
      byte[] blob = Base64.getDecoder().decode(parts.length > 1 ? parts[1] : "");
      byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
      return HexFormat.ofDelimiter(":").formatHex(md5);
    } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
      return "00";
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
