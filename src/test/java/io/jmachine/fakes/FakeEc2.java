package io.jmachine.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Amazon EC2's Query API as its reference documents it, for the calls docker-machine's amazonec2
 * driver makes: form-encoded POSTs naming an {@code Action}, answered with the documented XML
 * elements, and errors as {@code <Response><Errors><Error><Code>}. It runs on 127.0.0.1 and exists
 * only because AWS cannot be reached from the tests. Every request is recorded; errors can be
 * injected.
 */
public final class FakeEc2 implements AutoCloseable {
  public static final String ACCESS_KEY = "AKIAFAKEFAKEFAKEFAKE";
  public static final String SECRET_KEY = "fake/secret/key/0123456789";
  private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

  /** One request: its action and every other form parameter in arrival order. */
  public record Request(String action, Map<String, String> params) {
    @Override
    public String toString() {
      return action + " " + params;
    }
  }

  /** An ingress rule as stored: protocol and port, from anywhere. */
  public record Rule(String protocol, int port) {}

  /** A security group as stored. */
  public record Group(String id, String name, String vpcId, List<Rule> rules) {}

  /** An instance; ip is "" until EC2 "assigns" it. */
  public static final class Instance {
    public final String id;
    public final String keyName;
    public volatile String state;
    public volatile String ip = "";
    public final String privateIp;
    private volatile String nextState = "";

    Instance(String id, String keyName, String state, String privateIp) {
      this.id = id;
      this.keyName = keyName;
      this.state = state;
      this.privateIp = privateIp;
    }
  }

  /**
   * A spot instance request. It stays open (pending-evaluation) for openPolls describes by id, then
   * ends as the fake's spot outcome says; once fulfilled it is active and names its instance.
   */
  public static final class SpotRequest {
    public final String id;
    public final String keyName;
    public volatile String state = "open";
    public volatile String statusCode = "pending-evaluation";
    public volatile String instanceId = "";
    private int openPolls;

    SpotRequest(String id, String keyName, int openPolls) {
      this.id = id;
      this.keyName = keyName;
      this.openPolls = openPolls;
    }
  }

  private record Injected(String action, int status, String code, String message) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final List<Injected> injected = new ArrayList<>();
  private final Map<String, String> keyPairs = new LinkedHashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private String defaultVpc = "vpc-1a2b3c4d";
  private List<String[]> subnets =
      List.of(
          new String[] {"subnet-0000aaaa", "vpc-1a2b3c4d", "us-east-1a", "false"},
          new String[] {"subnet-1111aaaa", "vpc-1a2b3c4d", "us-east-1a", "true"},
          new String[] {"subnet-2222bbbb", "vpc-1a2b3c4d", "us-east-1b", "true"});
  private final Map<String, SpotRequest> spotRequests = new LinkedHashMap<>();
  private int spotOpenPolls;
  private String spotEndState = "active";
  private String spotEndCode = "fulfilled";
  private Function<String, String> machineFor = publicKey -> "198.51.100.200";
  private int nextId = 1;

  public FakeEc2() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<String> actions() {
    return requests.stream().map(Request::action).toList();
  }

  /** The parameters of the only request with this action. */
  public synchronized Map<String, String> only(String action) {
    List<Request> matching = requests.stream().filter(r -> r.action().equals(action)).toList();
    if (matching.size() != 1) {
      throw new AssertionError(action + " was sent " + matching.size() + " times: " + requests);
    }
    return matching.get(0).params();
  }

  /** The next request with this action fails with EC2's error shape. */
  public synchronized void failNext(String action, int status, String code, String message) {
    injected.add(new Injected(action, status, code, message));
  }

  public synchronized void addKeyPair(String name) {
    keyPairs.put(name, "ssh-rsa AAAA existing");
  }

  public synchronized Map<String, String> keyPairs() {
    return Map.copyOf(keyPairs);
  }

  public synchronized void addGroup(String id, String name, String vpcId, Rule... rules) {
    groups.put(id, new Group(id, name, vpcId, new ArrayList<>(List.of(rules))));
  }

  public synchronized Group group(String id) {
    return groups.get(id);
  }

  public synchronized void noDefaultVpc() {
    defaultVpc = "";
  }

  public synchronized void subnets(List<String[]> idVpcZoneDefault) {
    subnets = List.copyOf(idVpcZoneDefault);
  }

  /**
   * The public address an instance gets, from the public key of the key pair it is launched with.
   */
  public synchronized void machineFor(Function<String, String> publicKeyToIp) {
    machineFor = publicKeyToIp;
  }

  public synchronized Instance addInstance(String id, String state, String ip) {
    Instance instance = new Instance(id, "", state, "172.31.0.9");
    instance.ip = ip;
    instances.put(id, instance);
    return instance;
  }

  public synchronized Instance instance(String id) {
    return instances.get(id);
  }

  /**
   * How new spot requests go: open for this many describes by id, then state and status code, where
   * "active"/"fulfilled" launches the instance; an "open" end (e.g. price-too-low) never changes.
   */
  public synchronized void spotOutcome(int openPolls, String state, String statusCode) {
    spotOpenPolls = openPolls;
    spotEndState = state;
    spotEndCode = statusCode;
  }

  public synchronized SpotRequest spotRequest(String id) {
    return spotRequests.get(id);
  }

  public synchronized List<SpotRequest> spotRequests() {
    return List.copyOf(spotRequests.values());
  }

  /** A fulfilled request as EC2 keeps it after creating the machine. */
  public synchronized SpotRequest addSpotRequest(String id, String state, String instanceId) {
    SpotRequest request = new SpotRequest(id, "", 0);
    request.state = state;
    request.statusCode = "fulfilled";
    request.instanceId = instanceId;
    spotRequests.put(id, request);
    return request;
  }

  public synchronized Map<String, String> tags(String resourceId) {
    return tags.getOrDefault(resourceId, Map.of());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> params = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.put(key, value);
      }
      String action = params.remove("Action");
      params.remove("Version");
      String[] answer;
      synchronized (this) {
        requests.add(new Request(action, params));
        answer = answer(action, params);
      }
      byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
      exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** {status, body} for one request. */
  private String[] answer(String action, Map<String, String> p) {
    for (Injected i : injected) {
      if (i.action().equals(action)) {
        injected.remove(i);
        return error(i.status(), i.code(), i.message());
      }
    }
    return switch (action == null ? "" : action) {
      case "DescribeAccountAttributes" ->
          ok(
              action,
              "<accountAttributeSet><item><attributeName>default-vpc</attributeName>"
                  + "<attributeValueSet><item><attributeValue>"
                  + (defaultVpc.isEmpty() ? "none" : defaultVpc)
                  + "</attributeValue></item></attributeValueSet></item></accountAttributeSet>");
      case "DescribeSubnets" -> describeSubnets(action, filters(p));
      case "DescribeKeyPairs" -> describeKeyPairs(action, list(p, "KeyName"));
      case "ImportKeyPair" -> importKeyPair(action, p);
      case "DeleteKeyPair" -> {
        keyPairs.remove(p.get("KeyName"));
        yield ok(action, "<return>true</return>");
      }
      case "DescribeSecurityGroups" -> describeSecurityGroups(action, p);
      case "CreateSecurityGroup" -> {
        String id = "sg-" + String.format("%08x", nextId++);
        groups.put(id, new Group(id, p.get("GroupName"), p.get("VpcId"), new ArrayList<>()));
        yield ok(action, "<return>true</return><groupId>" + id + "</groupId>");
      }
      case "AuthorizeSecurityGroupIngress" -> authorize(action, p);
      case "RunInstances" -> runInstances(action, p);
      case "RequestSpotInstances" -> requestSpotInstances(action, p);
      case "DescribeSpotInstanceRequests" -> describeSpotRequests(action, p);
      case "CancelSpotInstanceRequests" -> cancelSpotRequests(action, p);
      case "DescribeInstances" -> describeInstances(action, list(p, "InstanceId"));
      case "CreateTags" -> createTags(action, p);
      case "StartInstances" -> change(action, p, "pending", "running");
      case "StopInstances" -> change(action, p, "stopping", "stopped");
      case "TerminateInstances" -> change(action, p, "shutting-down", "terminated");
      case "RebootInstances" -> {
        String[] missing = missingInstance(list(p, "InstanceId"));
        yield missing != null ? missing : ok(action, "<return>true</return>");
      }
      default ->
          error(
              400, "InvalidAction", "The action " + action + " is not valid for this web service.");
    };
  }

  private String[] describeSubnets(String action, Map<String, List<String>> filters) {
    StringBuilder items = new StringBuilder();
    for (String[] s : subnets) {
      if (matches(filters, "subnet-id", s[0])
          && matches(filters, "vpc-id", s[1])
          && matches(filters, "availability-zone", s[2])) {
        items
            .append("<item><subnetId>")
            .append(s[0])
            .append("</subnetId><state>available</state>")
            .append("<vpcId>")
            .append(s[1])
            .append("</vpcId><availabilityZone>")
            .append(s[2])
            .append("</availabilityZone><defaultForAz>")
            .append(s[3])
            .append("</defaultForAz></item>");
      }
    }
    return ok(action, "<subnetSet>" + items + "</subnetSet>");
  }

  private static boolean matches(Map<String, List<String>> filters, String name, String value) {
    return !filters.containsKey(name) || filters.get(name).contains(value);
  }

  private String[] describeKeyPairs(String action, List<String> names) {
    StringBuilder items = new StringBuilder();
    for (String name : names) {
      if (!keyPairs.containsKey(name)) {
        return error(400, "InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist");
      }
      items
          .append("<item><keyName>")
          .append(name)
          .append("</keyName><keyFingerprint>1f:51:ae:28</keyFingerprint></item>");
    }
    return ok(action, "<keySet>" + items + "</keySet>");
  }

  private String[] importKeyPair(String action, Map<String, String> p) {
    String name = p.get("KeyName");
    if (keyPairs.containsKey(name)) {
      return error(400, "InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
    }
    String material =
        new String(Base64.getDecoder().decode(p.get("PublicKeyMaterial")), StandardCharsets.UTF_8);
    keyPairs.put(name, material);
    return ok(
        action, "<keyName>" + name + "</keyName><keyFingerprint>1f:51:ae:28</keyFingerprint>");
  }

  private String[] describeSecurityGroups(String action, Map<String, String> p) {
    List<String> ids = list(p, "GroupId");
    Map<String, List<String>> filters = filters(p);
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      if (!groups.containsKey(id)) {
        return error(
            400, "InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
      }
    }
    for (Group g : groups.values()) {
      if ((ids.isEmpty() || ids.contains(g.id()))
          && matches(filters, "group-name", g.name())
          && matches(filters, "vpc-id", g.vpcId())) {
        items
            .append("<item><ownerId>123456789012</ownerId><groupId>")
            .append(g.id())
            .append("</groupId><groupName>")
            .append(g.name())
            .append("</groupName><groupDescription>Docker Machine</groupDescription><vpcId>")
            .append(g.vpcId())
            .append("</vpcId><ipPermissions>");
        for (Rule r : g.rules()) {
          items
              .append("<item><ipProtocol>")
              .append(r.protocol())
              .append("</ipProtocol><fromPort>")
              .append(r.port())
              .append("</fromPort><toPort>")
              .append(r.port())
              .append(
                  "</toPort><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item>");
        }
        items.append("</ipPermissions></item>");
      }
    }
    return ok(action, "<securityGroupInfo>" + items + "</securityGroupInfo>");
  }

  private String[] authorize(String action, Map<String, String> p) {
    Group g = groups.get(p.get("GroupId"));
    if (g == null) {
      return error(
          400,
          "InvalidGroup.NotFound",
          "The security group '" + p.get("GroupId") + "' does not exist");
    }
    for (int i = 1; p.containsKey("IpPermissions." + i + ".IpProtocol"); i++) {
      g.rules()
          .add(
              new Rule(
                  p.get("IpPermissions." + i + ".IpProtocol"),
                  Integer.parseInt(p.get("IpPermissions." + i + ".FromPort"))));
    }
    return ok(action, "<return>true</return>");
  }

  private String[] runInstances(String action, Map<String, String> p) {
    String keyName = p.getOrDefault("KeyName", "");
    if (!keyName.isEmpty() && !keyPairs.containsKey(keyName)) {
      return error(400, "InvalidKeyPair.NotFound", "The key pair '" + keyName + "' does not exist");
    }
    String id = "i-" + String.format("%017x", nextId++);
    Instance instance = new Instance(id, keyName, "pending", "172.31.16." + nextId);
    instance.nextState = "running";
    instances.put(id, instance);
    return ok(
        action,
        "<reservationId>r-0123456789abcdef0</reservationId><ownerId>123456789012</ownerId>"
            + "<groupSet/><instancesSet>"
            + instanceXml(instance)
            + "</instancesSet>");
  }

  private String[] requestSpotInstances(String action, Map<String, String> p) {
    String keyName = p.getOrDefault("LaunchSpecification.KeyName", "");
    if (!keyName.isEmpty() && !keyPairs.containsKey(keyName)) {
      return error(400, "InvalidKeyPair.NotFound", "The key pair '" + keyName + "' does not exist");
    }
    String id = "sir-" + String.format("%08x", nextId++);
    SpotRequest request = new SpotRequest(id, keyName, spotOpenPolls);
    spotRequests.put(id, request);
    return ok(
        action, "<spotInstanceRequestSet>" + spotRequestXml(request) + "</spotInstanceRequestSet>");
  }

  private String[] describeSpotRequests(String action, Map<String, String> p) {
    List<String> ids = list(p, "SpotInstanceRequestId");
    String[] missing = missingSpotRequest(ids);
    if (missing != null) {
      return missing;
    }
    Map<String, List<String>> filters = filters(p);
    StringBuilder items = new StringBuilder();
    for (SpotRequest request : spotRequests.values()) {
      if (ids.contains(request.id)) {
        advance(request);
      }
      if ((ids.isEmpty() || ids.contains(request.id))
          && matches(filters, "instance-id", request.instanceId)) {
        items.append(spotRequestXml(request));
      }
    }
    return ok(action, "<spotInstanceRequestSet>" + items + "</spotInstanceRequestSet>");
  }

  /** One more look at an open request; when its time is up it ends as the outcome says. */
  private void advance(SpotRequest request) {
    if (!request.state.equals("open") || request.openPolls-- > 0) {
      return;
    }
    request.state = spotEndState;
    request.statusCode = spotEndCode;
    if (spotEndCode.equals("fulfilled")) {
      String id = "i-" + String.format("%017x", nextId++);
      Instance instance = new Instance(id, request.keyName, "pending", "172.31.16." + nextId);
      instance.nextState = "running";
      instances.put(id, instance);
      request.instanceId = id;
    }
  }

  private String[] cancelSpotRequests(String action, Map<String, String> p) {
    List<String> ids = list(p, "SpotInstanceRequestId");
    String[] missing = missingSpotRequest(ids);
    if (missing != null) {
      return missing;
    }
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      SpotRequest request = spotRequests.get(id);
      if (request.state.equals("open")) {
        request.state = "cancelled";
        request.statusCode = "canceled-before-fulfillment";
      } else if (request.state.equals("active")) {
        request.state = "cancelled";
        request.statusCode = "request-canceled-and-instance-running";
      }
      items
          .append("<item><spotInstanceRequestId>")
          .append(id)
          .append("</spotInstanceRequestId><state>")
          .append(request.state)
          .append("</state></item>");
    }
    return ok(action, "<spotInstanceRequestSet>" + items + "</spotInstanceRequestSet>");
  }

  private String[] missingSpotRequest(List<String> ids) {
    for (String id : ids) {
      if (!spotRequests.containsKey(id)) {
        return error(
            400,
            "InvalidSpotInstanceRequestID.NotFound",
            "The spot instance request ID '" + id + "' does not exist");
      }
    }
    return null;
  }

  private static String spotRequestXml(SpotRequest r) {
    return "<item><spotInstanceRequestId>"
        + r.id
        + "</spotInstanceRequestId><spotPrice>0.500000</spotPrice><type>one-time</type><state>"
        + r.state
        + "</state><status><code>"
        + r.statusCode
        + "</code><updateTime>2019-07-01T12:00:00.000Z</updateTime><message>"
        + r.statusCode
        + "</message></status><launchSpecification><imageId>ami-927185ef</imageId><keyName>"
        + r.keyName
        + "</keyName></launchSpecification>"
        + (r.instanceId.isEmpty() ? "" : "<instanceId>" + r.instanceId + "</instanceId>")
        + "<createTime>2019-07-01T12:00:00.000Z</createTime>"
        + "<productDescription>Linux/UNIX</productDescription></item>";
  }

  private String[] describeInstances(String action, List<String> ids) {
    String[] missing = missingInstance(ids);
    if (missing != null) {
      return missing;
    }
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      Instance instance = instances.get(id);
      String previous = instance.state;
      if (!instance.nextState.isEmpty()) {
        instance.state = instance.nextState;
        instance.nextState = "";
      }
      if (instance.state.equals("running") && previous.equals("pending") && instance.ip.isEmpty()) {
        instance.ip = machineFor.apply(keyPairs.getOrDefault(instance.keyName, ""));
      }
      items
          .append("<item><reservationId>r-0123456789abcdef0</reservationId>")
          .append("<ownerId>123456789012</ownerId><groupSet/><instancesSet>")
          .append(instanceXml(instance))
          .append("</instancesSet></item>");
    }
    return ok(action, "<reservationSet>" + items + "</reservationSet>");
  }

  private String[] missingInstance(List<String> ids) {
    for (String id : ids) {
      if (!instances.containsKey(id)) {
        return error(
            400, "InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
      }
    }
    return null;
  }

  private static String instanceXml(Instance i) {
    return "<item><instanceId>"
        + i.id
        + "</instanceId><imageId>ami-927185ef</imageId><instanceState><code>"
        + stateCode(i.state)
        + "</code><name>"
        + i.state
        + "</name></instanceState><privateIpAddress>"
        + i.privateIp
        + "</privateIpAddress>"
        + (i.ip.isEmpty() ? "" : "<ipAddress>" + i.ip + "</ipAddress>")
        + "</item>";
  }

  private static int stateCode(String state) {
    return switch (state) {
      case "pending" -> 0;
      case "running" -> 16;
      case "shutting-down" -> 32;
      case "terminated" -> 48;
      case "stopping" -> 64;
      default -> 80;
    };
  }

  private String[] createTags(String action, Map<String, String> p) {
    for (String resource : list(p, "ResourceId")) {
      Map<String, String> resourceTags = tags.computeIfAbsent(resource, r -> new LinkedHashMap<>());
      for (int i = 1; p.containsKey("Tag." + i + ".Key"); i++) {
        resourceTags.put(p.get("Tag." + i + ".Key"), p.getOrDefault("Tag." + i + ".Value", ""));
      }
    }
    return ok(action, "<return>true</return>");
  }

  /** A state change: the answer shows the transitional state, the next describe the final one. */
  private String[] change(String action, Map<String, String> p, String now, String next) {
    List<String> ids = list(p, "InstanceId");
    String[] missing = missingInstance(ids);
    if (missing != null) {
      return missing;
    }
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      Instance instance = instances.get(id);
      String previous = instance.state;
      if (now.equals("shutting-down")) {
        closeSpotRequestsOf(id);
      }
      instance.state = now;
      instance.nextState = next;
      items
          .append("<item><instanceId>")
          .append(id)
          .append("</instanceId><currentState><code>")
          .append(stateCode(now))
          .append("</code><name>")
          .append(now)
          .append("</name></currentState><previousState><code>")
          .append(stateCode(previous))
          .append("</code><name>")
          .append(previous)
          .append("</name></previousState></item>");
    }
    return ok(action, "<instancesSet>" + items + "</instancesSet>");
  }

  /** A one-time request whose instance is terminated closes, as EC2 documents. */
  private void closeSpotRequestsOf(String instanceId) {
    for (SpotRequest request : spotRequests.values()) {
      if (request.instanceId.equals(instanceId) && request.state.equals("active")) {
        request.state = "closed";
        request.statusCode = "instance-terminated-by-user";
      }
    }
  }

  /** Values of a flattened list parameter: NAME.1, NAME.2, ... */
  private static List<String> list(Map<String, String> p, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 1; p.containsKey(name + "." + i); i++) {
      values.add(p.get(name + "." + i));
    }
    return values;
  }

  /** Filter.N.Name with its Filter.N.Value.M values. */
  private static Map<String, List<String>> filters(Map<String, String> p) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (int i = 1; p.containsKey("Filter." + i + ".Name"); i++) {
      filters.put(p.get("Filter." + i + ".Name"), list(p, "Filter." + i + ".Value"));
    }
    return filters;
  }

  private static String[] ok(String action, String content) {
    return new String[] {
      "200",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
          + action
          + "Response xmlns=\""
          + NS
          + "\"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>"
          + content
          + "</"
          + action
          + "Response>"
    };
  }

  private static String[] error(int status, String code, String message) {
    return new String[] {
      Integer.toString(status),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
          + code
          + "</Code><Message>"
          + message
          + "</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID>"
          + "</Response>"
    };
  }
}
