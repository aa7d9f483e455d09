package io.jmachine.drivers.nspawn;

import static io.jmachine.json.JsonFields.integer;
import static io.jmachine.json.JsonFields.string;
import static io.jmachine.json.JsonFields.strings;

import io.jmachine.driver.BaseDriver;
import io.jmachine.driver.DriverOptions;
import io.jmachine.driver.MachineState;
import io.jmachine.ssh.MachineSshKeys;
import io.jmachine.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A local machine: a systemd Debian host booted by systemd-nspawn on a copy-on-write layer over a
 * cached image, in its own network namespace with its own address on the jmnet0 bridge. It is
 * provisioned over SSH like any remote host, and runs detached until it is stopped.
 */
final class NspawnDriver extends BaseDriver {
  static final String NAME = "nspawn";
  static final String DEFAULT_SUBNET = "198.51.100.0/24";
  static final int ENGINE_PORT = 2376;
  private static final Duration QUICK = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration LOCK_WAIT = Duration.ofMinutes(2);
  private static final long LOG_ROTATE_BYTES = 1024 * 1024;

  private final NspawnHost host;
  private String subnet = DEFAULT_SUBNET;
  private String mirror = "";
  private String suite = "";
  private int memory;
  private int cpuCount;
  private List<String> binds = List.of();

  NspawnDriver(String machineName, String storePath, NspawnHost host) {
    super(machineName, storePath);
    this.host = host;
  }

  NspawnDriver(Map<String, Object> blob, NspawnHost host) {
    super("", "");
    this.host = host;
    Map<String, Object> rest = readBase(blob);
    subnet = orDefault(string(rest, "Subnet"), DEFAULT_SUBNET);
    mirror = string(rest, "Mirror");
    suite = string(rest, "Suite");
    memory = integer(rest, "Memory");
    cpuCount = integer(rest, "CPUCount");
    List<String> stored = strings(rest, "Binds");
    binds = stored == null ? List.of() : List.copyOf(stored);
  }

  @Override
  protected void writeOwnFields(Map<String, Object> blob) {
    blob.put("Subnet", subnet);
    blob.put("Mirror", mirror);
    blob.put("Suite", suite);
    blob.put("Memory", memory);
    blob.put("CPUCount", cpuCount);
    blob.put("Binds", binds);
  }

  @Override
  public String driverName() {
    return NAME;
  }

  /** Machines have no route to the internet: Debian's docker.io, pre-downloaded in the image. */
  @Override
  public String defaultInstallStrategy() {
    return "distro";
  }

  @Override
  public void setConfigFromFlags(DriverOptions options) {
    subnet =
        Ipv4Subnet.parse(orDefault(options.string("nspawn-subnet"), DEFAULT_SUBNET)).toString();
    suite = orDefault(options.string("nspawn-suite"), host.defaults().suite());
    ImageCache.requireValidSuite(suite);
    mirror = orDefault(options.string("nspawn-mirror"), host.defaults().mirror(suite));
    while (mirror.endsWith("/")) {
      mirror = mirror.substring(0, mirror.length() - 1);
    }
    memory = options.integer("nspawn-memory");
    cpuCount = options.integer("nspawn-cpu-count");
    if (memory < 0) {
      throw new NspawnException("--nspawn-memory must be 0 (no limit) or a number of MB");
    }
    if (cpuCount < 0) {
      throw new NspawnException("--nspawn-cpu-count must be 0 (no limit) or a number of CPUs");
    }
    binds =
        options.strings("nspawn-bind").stream()
            .map(BindMount::parse)
            .map(Object::toString)
            .toList();
    sshUser = "root";
    sshPort = 22;
    setSwarmConfigFromFlags(options);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  // ---- paths and names

  private MachinePaths paths() {
    return new MachinePaths(Path.of(storePath, "machines", machineName));
  }

  private Path store() {
    return Path.of(storePath);
  }

  private ImageCache images() {
    return host.images(store());
  }

  private Leases leases() {
    return new Leases(store().resolve("nspawn").resolve("leases"));
  }

  private Ipv4Subnet parsedSubnet() {
    return Ipv4Subnet.parse(subnet);
  }

  /** The machine's address: from config.json, else from the file written when it was leased. */
  private String knownAddress() {
    if (!ipAddress.isEmpty()) {
      return ipAddress;
    }
    try {
      return Files.readString(paths().address()).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private int address() {
    long parsed = Ipv4Subnet.parseAddress(knownAddress());
    if (parsed < 0) {
      throw new NspawnException(
          "machine " + machineName + " has no address: remove it and create it again");
    }
    return (int) parsed;
  }

  private Optional<String> tag() {
    long parsed = Ipv4Subnet.parseAddress(knownAddress());
    return parsed < 0 ? Optional.empty() : Optional.of(HostNetwork.tag((int) parsed));
  }

  private List<BindMount> bindMounts() {
    return binds.stream().map(BindMount::parse).toList();
  }

  private HeldLock networkLock() {
    return HeldLock.acquire(
        host.tools(), host.networkLock(), LOCK_WAIT, "the host's machine network lock");
  }

  private HeldLock leaseLock() {
    Path dir = store().resolve("nspawn");
    try {
      AtomicFiles.createPrivateDirectories(dir);
    } catch (IOException e) {
      throw new NspawnException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    return HeldLock.acquire(
        host.tools(), dir.resolve("leases.lock"), LOCK_WAIT, "the store's address lease lock");
  }

  // ---- checks

  private void requireHost(boolean needDebootstrap) {
    Prerequisites.requireRoot(host.osName(), host.uid().get());
    Prerequisites.requireTools(host.tools(), needDebootstrap);
  }

  @Override
  public void preCreateCheck() {
    boolean cached = images().cached(suite);
    requireHost(!cached);
    parsedSubnet();
    bindMounts().forEach(BindMount::requireSource);
    if (memory > 0 && host.cgroups().memoryLimitSupport().isEmpty()) {
      throw new NspawnException(
          "this kernel offers no memory cgroup controller: leave --nspawn-memory at 0");
    }
    if (cpuCount > 0 && host.cgroups().cpuLimitSupport().isEmpty()) {
      throw new NspawnException(
          "this kernel offers no cpu cgroup controller: leave --nspawn-cpu-count at 0");
    }
    if (storePath.contains(",") || storePath.contains(":")) {
      throw new NspawnException(
          "the storage path "
              + storePath
              + " contains ',' or ':', which overlay mounts cannot take: choose another with -s");
    }
    requireRealFileSystem(store());
    if (!cached) {
      host.mirrors().check(mirror, suite);
    }
  }

  /** overlayfs can neither be an upper layer nor hold Docker's overlay2 data. */
  private static void requireRealFileSystem(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    try {
      String type = Files.getFileStore(existing).type();
      if (type.equals("overlay") || type.equals("aufs")) {
        throw new NspawnException(
            "the storage path "
                + dir
                + " is on an "
                + type
                + " file system, which cannot hold machine disks: choose one on ext4, xfs or"
                + " btrfs with -s");
      }
    } catch (IOException e) {
      // unknown: let mount tell
    }
  }

  // ---- create

  @Override
  public void create() {
    MachinePaths paths = paths();
    MachineSshKeys.generateIfMissing(paths.privateKey());
    sshKeyPath = paths.privateKey().toString();
    Path image = images().ensure(suite, mirror);
    makeDirectories(paths);
    allocateAddress();
    try {
      mountRoot(image, paths);
      writeFirstBootFiles(paths);
      boot(paths);
    } catch (RuntimeException e) {
      try {
        powerOff(true);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static void makeDirectories(MachinePaths paths) {
    try {
      AtomicFiles.createPrivateDirectories(paths.nspawnDir());
      for (Path dir : List.of(paths.upper(), paths.work(), paths.root())) {
        Files.createDirectories(dir);
      }
      Files.setPosixFilePermissions(paths.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(paths.docker());
      Files.setPosixFilePermissions(paths.docker(), PosixFilePermissions.fromString("rwx--x---"));
    } catch (IOException e) {
      throw new NspawnException("cannot create the machine's folders: " + e.getMessage(), e);
    }
  }

  /**
   * Leases the highest free address and plugs the machine's namespace into the bridge, under the
   * store's lease lock and the host's network lock: concurrent creates in this store get distinct
   * addresses, and an address another store's machine uses shows up as its existing link.
   */
  private void allocateAddress() {
    Ipv4Subnet net = parsedSubnet();
    HeldLock leasing = leaseLock();
    try {
      ipAddress = Ipv4Subnet.format(networkLock().call(() -> leaseAndPlugIn(net)));
    } finally {
      leasing.close();
    }
  }

  private int leaseAndPlugIn(Ipv4Subnet net) {
    host.network().ensureBridge(net);
    List<HostNetwork.Route> routes = host.network().routes();
    Set<Integer> local = host.network().localAddresses();
    int address =
        leases()
            .lease(
                machineName,
                net,
                a ->
                    !host.network().linkExists(HostNetwork.tag(a))
                        && !host.network().netnsExists(HostNetwork.tag(a))
                        && !local.contains(a)
                        && HostNetwork.reachesBridge(routes, net, a),
                store().resolve("machines"));
    try {
      recordAddress(Ipv4Subnet.format(address) + "\n");
      host.network().createMachineLink(HostNetwork.tag(address), address, net);
    } catch (RuntimeException e) {
      leases().release(address, machineName);
      try {
        Files.deleteIfExists(paths().address());
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return address;
  }

  private void recordAddress(String text) {
    try {
      Files.writeString(paths().address(), text);
    } catch (IOException e) {
      throw new NspawnException("cannot record the machine's address: " + e.getMessage(), e);
    }
  }

  private void mountRoot(Path image, MachinePaths paths) {
    if (host.mounts().isMountPoint(paths.root())) {
      return;
    }
    host.commands()
        .check(
            "cannot mount the machine's root file system",
            List.of(
                "mount",
                "-t",
                "overlay",
                "overlay",
                "-o",
                "lowerdir=" + image + ",upperdir=" + paths.upper() + ",workdir=" + paths.work(),
                paths.root().toString()),
            QUICK);
  }

  /** Name, machine-id and the machine's SSH key, written into its own layer. */
  private void writeFirstBootFiles(MachinePaths paths) {
    Path root = paths.root();
    try {
      Files.writeString(root.resolve("etc/hostname"), machineName + "\n");
      Files.writeString(root.resolve("etc/hosts"), ImageCache.hosts(machineName));
      // the image's is empty, which would give every machine the same derived id
      Files.writeString(
          root.resolve("etc/machine-id"), UUID.randomUUID().toString().replace("-", "") + "\n");
      Path ssh = root.resolve("root/.ssh");
      Files.createDirectories(ssh);
      Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
      Path authorized = ssh.resolve("authorized_keys");
      Files.write(authorized, Files.readAllBytes(paths.publicKey()));
      Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new NspawnException("cannot prepare the machine's files: " + e.getMessage(), e);
    }
  }

  // ---- running

  private Optional<ProcessIdentity> supervisor() {
    return ProcessIdentity.read(paths().supervisorPid()).filter(ProcessIdentity::alive);
  }

  @Override
  public MachineState getState() {
    Optional<String> tag = tag();
    if (tag.isEmpty() || !Files.isDirectory(paths().nspawnDir())) {
      return MachineState.ERROR; // create never got as far as giving it an address
    }
    if (supervisor().isPresent()) {
      return MachineState.RUNNING;
    }
    // processes without their supervisor (it was killed): the machine is out of our hands
    return host.cgroups().processes(tag.get()).isEmpty()
        ? MachineState.STOPPED
        : MachineState.ERROR;
  }

  /** As libmachine's drivers do: the address only of a running machine (ls infers state). */
  @Override
  public String getIp() {
    if (ipAddress.isEmpty() || getState() != MachineState.RUNNING) {
      throw new NspawnException("Host is not running");
    }
    return ipAddress;
  }

  @Override
  public String getUrl() {
    return "tcp://" + getIp() + ":" + ENGINE_PORT;
  }

  /** Runs a power action holding the machine's lock, so two of them never overlap. */
  private void exclusively(Runnable action) {
    if (!Files.isDirectory(paths().nspawnDir())) {
      action.run();
      return;
    }
    HeldLock.acquire(
            host.tools(),
            paths().powerLock(),
            STOP_TIMEOUT.plus(host.bootTimeout()),
            "another command on machine " + machineName)
        .run(action);
  }

  @Override
  public void start() {
    requireHost(false);
    exclusively(this::startNow);
  }

  private void startNow() {
    if (supervisor().isPresent()) {
      return;
    }
    MachinePaths paths = paths();
    String tag =
        tag()
            .orElseThrow(
                () ->
                    new NspawnException(
                        "machine "
                            + machineName
                            + " was never fully created: remove it and create it again"));
    host.cgroups().killAll(tag); // leftovers of a supervisor that was killed
    Path image = images().image(suite);
    if (!images().cached(suite)) {
      throw new NspawnException(
          "the machine's base image " + image + " is gone: remove the machine and create it again");
    }
    bindMounts().forEach(BindMount::requireSource);
    Ipv4Subnet net = parsedSubnet();
    networkLock()
        .run(
            () -> {
              host.network().ensureBridge(net);
              host.network().ensureMachineLink(tag, address(), net);
            });
    mountRoot(image, paths);
    boot(paths);
  }

  /** Starts the supervisor detached and waits until the machine's sshd answers. */
  private void boot(MachinePaths paths) {
    String tag = tag().orElseThrow();
    List<Path> groups = host.cgroups().prepare(tag, memory, cpuCount);
    Path nspawn =
        host.tools()
            .find("systemd-nspawn")
            .orElseThrow(() -> new NspawnException("systemd-nspawn is not installed"));
    Supervisor.Boot boot =
        new Supervisor.Boot(
            machineName, tag, nspawn, paths, Path.of("/run/netns", tag), groups, bindMounts());
    try {
      Files.deleteIfExists(paths.supervisorPid());
      Files.deleteIfExists(paths.nspawnPid());
      AtomicFiles.write(
          paths.supervisorScript(),
          Supervisor.script(boot).getBytes(StandardCharsets.UTF_8),
          PosixFilePermissions.fromString("rwx------"));
      rotateLog(paths.log());
    } catch (IOException e) {
      throw new NspawnException(
          "cannot write " + paths.supervisorScript() + ": " + e.getMessage(), e);
    }
    launchDetached(paths);
    waitForSsh(paths);
  }

  private static void rotateLog(Path log) throws IOException {
    if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
      Files.move(
          log,
          log.resolveSibling(log.getFileName() + ".1"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** setsid -f: its own session, reparented to init, so it does not end with us. */
  private void launchDetached(MachinePaths paths) {
    String setsid = host.tools().find("setsid").map(Path::toString).orElse("setsid");
    String bash = host.tools().find("bash").map(Path::toString).orElse("/bin/bash");
    ProcessBuilder builder =
        new ProcessBuilder(List.of(setsid, "-f", bash, paths.supervisorScript().toString()));
    builder.environment().clear();
    builder.environment().put("PATH", host.tools().searchPath());
    builder.environment().put("LANG", "C.UTF-8");
    builder.directory(paths.nspawnDir().toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(paths.log().toFile()));
    builder.redirectErrorStream(true);
    try {
      Process launcher = builder.start();
      if (!launcher.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
          || launcher.exitValue() != 0) {
        launcher.destroyForcibly();
        throw new NspawnException("cannot start the machine's supervisor: " + logTail(paths));
      }
    } catch (IOException e) {
      throw new NspawnException("cannot start the machine's supervisor: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NspawnException("interrupted while starting the machine", e);
    }
  }

  private void waitForSsh(MachinePaths paths) {
    Instant deadline = Instant.now().plus(host.bootTimeout());
    Instant supervisorDeadline = Instant.now().plusSeconds(10);
    InetSocketAddress sshd = new InetSocketAddress(ipAddress, sshPort());
    while (true) {
      Optional<ProcessIdentity> supervisor = supervisor();
      if (supervisor.isEmpty()
          && (Files.exists(paths.supervisorPid()) || Instant.now().isAfter(supervisorDeadline))) {
        throw new NspawnException(
            "machine " + machineName + " stopped while booting: " + logTail(paths));
      }
      if (supervisor.isPresent() && sshBanner(sshd)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new NspawnException(
            "machine "
                + machineName
                + " booted, but its SSH server did not answer on "
                + ipAddress
                + ":22 within "
                + host.bootTimeout().toSeconds()
                + " s: "
                + logTail(paths));
      }
      sleep(100);
    }
  }

  private static boolean sshBanner(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 500);
      socket.setSoTimeout(2000);
      InputStream in = socket.getInputStream();
      byte[] banner = new byte[4];
      int read = 0;
      while (read < banner.length) {
        int n = in.read(banner, read, banner.length - read);
        if (n < 0) {
          return false;
        }
        read += n;
      }
      return new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
    } catch (IOException e) {
      return false;
    }
  }

  private static String logTail(MachinePaths paths) {
    try {
      List<String> lines = Files.readAllLines(paths.log(), StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
      return tail.isEmpty()
          ? "(" + paths.log() + " is empty)"
          : "last lines of " + paths.log() + ":\n" + String.join("\n", tail);
    } catch (IOException e) {
      return "(no log at " + paths.log() + ")";
    }
  }

  @Override
  public void stop() {
    requireHost(false);
    exclusively(() -> powerOff(false));
  }

  @Override
  public void kill() {
    requireHost(false);
    exclusively(() -> powerOff(true));
  }

  @Override
  public void restart() {
    stop();
    start();
  }

  /**
   * A clean poweroff (SIGTERM to the supervisor, which nspawn turns into the machine's shutdown),
   * or a power cut; either way every process goes, the root is unmounted and the cgroups removed.
   * Address, namespace and disk stay.
   */
  private void powerOff(boolean hard) {
    Optional<String> tag = tag();
    if (tag.isEmpty()) {
      return;
    }
    MachinePaths paths = paths();
    if (!hard) {
      Optional<ProcessIdentity> supervisor = supervisor();
      // without its supervisor, nspawn itself turns SIGTERM into the machine's poweroff
      Optional<ProcessIdentity> target =
          supervisor.isPresent()
              ? supervisor
              : readPid(paths.nspawnPid())
                  .filter(pid -> host.cgroups().processes(tag.get()).contains(pid))
                  .flatMap(ProcessIdentity::of);
      target.ifPresent(p -> p.signal(false));
      Instant deadline = Instant.now().plus(STOP_TIMEOUT);
      while (!host.cgroups().processes(tag.get()).isEmpty() && Instant.now().isBefore(deadline)) {
        sleep(50);
      }
      if (!host.cgroups().processes(tag.get()).isEmpty()) {
        host.info()
            .accept(
                "Machine "
                    + machineName
                    + " did not power off within "
                    + STOP_TIMEOUT.toSeconds()
                    + " s; killing it");
      }
    }
    host.cgroups().killAll(tag.get());
    if (host.mounts().isMountPoint(paths.root())) {
      host.mounts().unmount(paths.root());
    }
    host.cgroups().remove(tag.get());
    try {
      Files.deleteIfExists(paths.supervisorPid());
      Files.deleteIfExists(paths.nspawnPid());
    } catch (IOException e) {
      // stale pid files are ignored: they name a dead process
    }
  }

  private static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Everything of the machine goes: processes, mounts, namespace, veth, cgroups, lease, disk. */
  @Override
  public void remove() {
    Prerequisites.requireRoot(host.osName(), host.uid().get());
    exclusively(this::removeNow);
  }

  private void removeNow() {
    List<String> problems = new ArrayList<>();
    MachinePaths paths = paths();
    Optional<String> tag = tag();
    // read before the machine's folder (which may hold it) goes
    int address = tag.isPresent() ? address() : 0;
    if (tag.isPresent()) {
      attempt(problems, () -> host.cgroups().killAll(tag.get()));
    }
    attempt(problems, () -> host.mounts().unmountBelow(paths.nspawnDir()));
    if (tag.isPresent()) {
      attempt(
          problems,
          () ->
              networkLock()
                  .run(
                      () -> {
                        host.network().removeMachineLink(tag.get());
                        host.network().removeBridgeIfIdle();
                      }));
      attempt(problems, () -> host.cgroups().remove(tag.get()));
      attempt(problems, () -> images().removeTree(host.propagateDir().resolve(tag.get())));
    }
    attempt(problems, () -> images().removeTree(paths.nspawnDir()));
    if (tag.isPresent()) {
      attempt(problems, () -> leaseLock().run(() -> leases().release(address, machineName)));
    }
    if (!problems.isEmpty()) {
      throw new NspawnException(String.join("; ", problems));
    }
  }

  private static void attempt(List<String> problems, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      problems.add(e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NspawnException("interrupted", e);
    }
  }
}
