package io.jmachine.cli;

import io.jmachine.cert.CertificateBootstrap;
import io.jmachine.cert.CertificateExpiryChecker;
import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.CertificatePaths;
import io.jmachine.cert.ConnectionValidator;
import io.jmachine.cli.output.Console;
import io.jmachine.docker.DockerContainers;
import io.jmachine.docker.DockerEngineClient;
import io.jmachine.docker.HttpsVersionProbe;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.drivers.amazonec2.AmazonEc2DriverFactory;
import io.jmachine.drivers.digitalocean.DigitalOceanDriverFactory;
import io.jmachine.drivers.generic.GenericDriverFactory;
import io.jmachine.drivers.generic.PortProbe;
import io.jmachine.drivers.none.NoneDriverFactory;
import io.jmachine.drivers.nspawn.NspawnDriverFactory;
import io.jmachine.drivers.plugin.PluginDrivers;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.machine.CertificateHealth;
import io.jmachine.machine.ConnectionCheck;
import io.jmachine.machine.CreateRequest;
import io.jmachine.machine.EngineVersionProbe;
import io.jmachine.machine.HostLister;
import io.jmachine.machine.MachineApi;
import io.jmachine.machine.PowerActions;
import io.jmachine.machine.Provisioning;
import io.jmachine.machine.Sleeper;
import io.jmachine.ssh.CopyLocation;
import io.jmachine.ssh.HostKeyOptions;
import io.jmachine.ssh.PassphrasePrompt;
import io.jmachine.ssh.SshClient;
import io.jmachine.ssh.SshClientFactory;
import io.jmachine.ssh.SshSettings;
import io.jmachine.ssh.SshTarget;
import io.jmachine.ssh.Terminal;
import io.jmachine.ssh.TransferCommandLines;
import io.jmachine.store.FileMachineStore;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a verb needs from its surroundings: output, environment, global options and the store.
 * Services are built on first use so that quick verbs never pay for the ones they don't use.
 */
public final class CommandContext {
  private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_READINESS = Duration.ofMinutes(3);
  private final Console console;
  private final Environment env;
  private final String programName;
  private final List<String> invocation;
  private final MachineCommand global;
  private DriverRegistry drivers;
  private PluginDrivers plugins;
  private FileMachineStore store;
  private CertificateHealth certificateHealth;
  private SshClientFactory sshClients;

  CommandContext(
      Console console,
      Environment env,
      String programName,
      List<String> invocation,
      MachineCommand global) {
    this.console = console;
    this.env = env;
    this.programName = programName;
    this.invocation = List.copyOf(invocation);
    this.global = global;
  }

  public Console console() {
    return console;
  }

  public Environment env() {
    return env;
  }

  /** How the user invoked us, argv[0] included, for hints that repeat the command line. */
  public List<String> invocation() {
    return invocation;
  }

  public String programName() {
    return programName;
  }

  public boolean nativeSsh() {
    return global.nativeSsh();
  }

  public DriverRegistry drivers() {
    if (drivers == null) {
      drivers =
          new DriverRegistry(
              List.of(
                  new NoneDriverFactory(),
                  new AmazonEc2DriverFactory(console::info, env::get),
                  new DigitalOceanDriverFactory(
                      console::info, env.get(DigitalOceanDriverFactory.API_URL_VARIABLE)),
                  new GenericDriverFactory(
                      console::info, target -> sshClients().open(target), PortProbe.TCP),
                  new NspawnDriverFactory(console::info, env.get("PATH"))),
              this::pluginDriver);
    }
    return drivers;
  }

  /** Plugin support is loaded only for a driver name that is not built in. */
  private Optional<DriverFactory> pluginDriver(String name) {
    synchronized (this) {
      if (plugins == null) {
        plugins = new PluginDrivers(env.variables(), console::info, this::debug);
      }
    }
    return plugins.find(name);
  }

  private void debug(String line) {
    if (MachineCli.debugRequested(invocation.subList(1, invocation.size()), env)) {
      console.error(line);
    }
  }

  /** Ends what the command started and left running: plugin processes. */
  void close() {
    PluginDrivers started;
    synchronized (this) {
      started = plugins;
    }
    if (started != null) {
      started.close();
    }
  }

  public FileMachineStore store() {
    if (store == null) {
      store = new FileMachineStore(storePath(), drivers());
    }
    return store;
  }

  public Path storePath() {
    return Path.of(global.storagePath()).toAbsolutePath().normalize();
  }

  /** The --tls-* global paths, each defaulting to the store's certs folder. */
  public Path caCertPath() {
    return orCerts(global.tlsCaCert(), "ca.pem");
  }

  public Path caKeyPath() {
    return orCerts(global.tlsCaKey(), "ca-key.pem");
  }

  public Path clientCertPath() {
    return orCerts(global.tlsClientCert(), "cert.pem");
  }

  public Path clientKeyPath() {
    return orCerts(global.tlsClientKey(), "key.pem");
  }

  private Path orCerts(String value, String file) {
    return value == null || value.isEmpty()
        ? storePath().resolve("certs").resolve(file)
        : Path.of(value).toAbsolutePath();
  }

  public String versionText() {
    return Version.TEXT;
  }

  public MachineApi machines() {
    return new MachineApi(store(), drivers(), this::bootstrapCertificates, console::info);
  }

  private CertificatePaths certificatePaths(CreateRequest.TlsPaths tls) {
    return new CertificatePaths(
        storePath().resolve("certs"), tls.caCert(), tls.caKey(), tls.clientCert(), tls.clientKey());
  }

  private void bootstrapCertificates(CreateRequest.TlsPaths tls) {
    certificateBootstrap().bootstrap(certificatePaths(tls));
  }

  private CertificateBootstrap certificateBootstrap() {
    return new CertificateBootstrap(
        CertificateOwner.fromEnvironment(env.variables()), Clock.systemUTC(), console::info);
  }

  /** `regenerate-certs --client-certs`: a new CA and client pair at the global paths. */
  public void regenerateClientCertificates() {
    certificateBootstrap()
        .regenerate(
            certificatePaths(
                new CreateRequest.TlsPaths(
                    caCertPath(), caKeyPath(), clientCertPath(), clientKeyPath())));
  }

  public HostLister hostLister() {
    return new HostLister(
        store(),
        new HttpsVersionProbe(ENGINE_TIMEOUT),
        certificateHealth(),
        env.get("DOCKER_HOST"));
  }

  public CertificateHealth certificateHealth() {
    if (certificateHealth == null) {
      certificateHealth =
          new CertificateExpiryReport(new CertificateExpiryChecker(Clock.systemUTC()));
    }
    return certificateHealth;
  }

  /**
   * The TLS check of env and config. A machine whose server certificate does not name its current
   * IP gets a new one first (docker-machine #531).
   */
  public ConnectionCheck connectionCheck() {
    return new ConnectionCheck(
        tlsValidator(), host -> provisioning().refreshIfAddressChanged(host));
  }

  private static io.jmachine.machine.TlsValidator tlsValidator() {
    ConnectionValidator validator = new ConnectionValidator();
    return (hostPort, auth) ->
        validator.validate(
            hostPort,
            Path.of(auth.caCertPath()),
            Path.of(auth.clientCertPath()),
            Path.of(auth.clientKeyPath()));
  }

  public PowerActions powerActions() {
    return new PowerActions(
        console::info,
        Sleeper.REAL,
        host -> {
          if (host.driver().reachableOverSsh()) {
            provisioning().afterStart(host);
          }
        });
  }

  public EngineVersionProbe engineClient() {
    return new DockerEngineClient(ENGINE_TIMEOUT);
  }

  /** Fails clearly for machines that have no SSH access (the none driver). */
  public void requireSsh(Host host) {
    if (!host.driver().reachableOverSsh()) {
      throw new MachineException(
          "Error: machine \""
              + host.name()
              + "\" uses the "
              + host.driverName()
              + " driver, which has no SSH access: it only records the URL of an existing Docker"
              + " engine");
    }
  }

  /** The rest of create once the driver made the machine; registered engines need none. */
  public void provisionCreated(Host host) {
    if (host.driver().reachableOverSsh()) {
      provisioning().afterCreate(host);
    }
  }

  /** `provision NAME`. */
  public void provision(Host host) {
    requireSsh(host);
    provisioning().provision(host);
  }

  /** `regenerate-certs NAME`: a new server certificate installed and checked. */
  public void regenerateCertificates(Host host) {
    requireSsh(host);
    provisioning().regenerateCertificates(host);
  }

  /** `upgrade NAME`, with the machine's own install strategy. */
  public void upgrade(Host host) {
    requireSsh(host);
    provisioning().upgrade(host);
  }

  /**
   * Provisioning over SSH, with the native client whenever it can use the machine's key (see {@link
   * ProvisioningSsh}), else the client docker-machine would pick.
   */
  public Provisioning provisioning() {
    return new Provisioning(
        store(),
        host ->
            ProvisioningSsh.nativeCanUse(host.driver().sshKeyPath())
                ? nativeSshClients().open(sshTarget(host))
                : sshClients().open(sshTarget(host)),
        new ConnectionCheck(tlsValidator()),
        new DockerContainers(ENGINE_TIMEOUT, Sleeper.REAL),
        CertificateOwner.fromEnvironment(env.variables()),
        console::info,
        Sleeper.REAL,
        Clock.systemUTC(),
        readinessTimeout());
  }

  /**
   * How long create and provision wait for a machine to run and answer over SSH:
   * MACHINE_READINESS_TIMEOUT (a Go duration such as 90s or 5m, or seconds), 3 minutes by default.
   */
  Duration readinessTimeout() {
    String value = env.get("MACHINE_READINESS_TIMEOUT").strip();
    if (value.isEmpty()) {
      return DEFAULT_READINESS;
    }
    try {
      if (value.matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      return Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new MachineException(
          "Invalid MACHINE_READINESS_TIMEOUT \""
              + value
              + "\": expected a duration such as 90s or 5m");
    }
  }

  private SshClientFactory nativeSshClients() {
    return SshClientFactory.choose(
        true,
        env.variables(),
        SshSettings.defaults(!global.noHostKeyPinning()),
        processTerminal(),
        PassphrasePrompt.onTerminal());
  }

  /** The SSH client kind docker-machine would pick, built on first use. */
  public SshClientFactory sshClients() {
    if (sshClients == null) {
      sshClients =
          SshClientFactory.choose(
              global.nativeSsh(),
              env.variables(),
              SshSettings.defaults(!global.noHostKeyPinning()),
              processTerminal(),
              PassphrasePrompt.onTerminal());
    }
    return sshClients;
  }

  /**
   * The process's own stdin, stdout and stderr: a remote shell's bytes pass through untouched, as
   * with docker-machine's inherited streams, so they bypass the console's writers.
   */
  private static Terminal processTerminal() {
    return new Terminal(
        new FileInputStream(FileDescriptor.in),
        new FileOutputStream(FileDescriptor.out),
        new FileOutputStream(FileDescriptor.err),
        System.console() != null);
  }

  private SshTarget sshTarget(Host host) {
    return SshTarget.of(host.driver(), store().machineDir(host.name()));
  }

  /** A login shell or one command; the remote exit status becomes ours. */
  public int ssh(Host host, List<String> command) {
    requireSsh(host);
    try (SshClient client = sshClients().open(sshTarget(host))) {
      return client.interactive(command);
    }
  }

  public int copy(
      String source, String destination, boolean recursive, boolean delta, boolean quiet) {
    // docker-machine looks for the tool before it loads any machine
    String tool =
        delta
            ? onPath(
                "rsync",
                "You must have a copy of the rsync binary locally to use the --delta option")
            : onPath(
                "scp", "You must have a copy of the scp binary locally to use the scp feature");
    TransferCommandLines.Endpoint from = endpoint(CopyLocation.parse(source));
    TransferCommandLines.Endpoint to = endpoint(CopyLocation.parse(destination));
    List<SshTarget> remotes =
        java.util.stream.Stream.of(from.target(), to.target())
            .filter(java.util.Objects::nonNull)
            .toList();
    if (delta && remotes.size() > 1) {
      throw new MachineException(
          "Error: rsync cannot copy between two machines; leave out --delta (-d)");
    }
    List<String> hostKeys = pinnedHostKeyOptions(remotes);
    return runTool(
        delta
            ? TransferCommandLines.rsync(tool, from, to, recursive, quiet, hostKeys)
            : TransferCommandLines.scp(tool, from, to, recursive, quiet, hostKeys));
  }

  private TransferCommandLines.Endpoint endpoint(CopyLocation location) {
    if (!location.isRemote()) {
      return new TransferCommandLines.Endpoint(null, location.path());
    }
    Host host = loadForTransfer(location.machine(), "Error loading host: ");
    requireSsh(host);
    SshTarget target = sshTarget(host);
    return new TransferCommandLines.Endpoint(
        location.user().isEmpty() ? target : target.withUser(location.user()), location.path());
  }

  /**
   * `mount [user@]MACHINE:PATH [MOUNTPOINT]`; without a colon the machine is "default". Unlike scp,
   * `localhost:` names a machine. Unmounting loads the machine too, as docker-machine does.
   */
  public int mount(List<String> args, boolean unmount) {
    String tool =
        unmount
            ? onPath(
                "fusermount",
                "You must have a copy of the fusermount binary locally to use the unmount option")
            : onPath(
                "sshfs",
                "You must have a copy of the sshfs binary locally to use the mount feature");
    String source = args.get(0);
    int colon = source.indexOf(':');
    String userAndMachine = colon < 0 ? "default" : source.substring(0, colon);
    String remotePath = colon < 0 ? source : source.substring(colon + 1);
    String mountPoint = args.size() > 1 ? args.get(1) : remotePath;
    int at = userAndMachine.indexOf('@');
    String user = at < 0 ? "" : userAndMachine.substring(0, at);
    Host host = loadForTransfer(userAndMachine.substring(at + 1), "error loading host: ");
    if (unmount) {
      return runTool(List.of(tool, "-u", mountPoint));
    }
    requireSsh(host);
    SshTarget target = sshTarget(host);
    if (!user.isEmpty()) {
      target = target.withUser(user);
    }
    return runTool(
        TransferCommandLines.sshfs(
            tool, target, remotePath, mountPoint, pinnedHostKeyOptions(List.of(target))));
  }

  /** docker-machine words a failed load in scp and mount with its loader's prefix and its own. */
  private Host loadForTransfer(String name, String prefix) {
    try {
      return machines().load(name);
    } catch (MachineException e) {
      throw new MachineException(prefix + "Error loading host: " + e.getMessage(), e);
    }
  }

  /**
   * Host-key options for scp, rsync and sshfs. Each machine is reached once with jmachine's own
   * client first, which records a first key, refuses a changed one and explains any connection
   * failure; the tools then check against the machines' files strictly.
   */
  private List<String> pinnedHostKeyOptions(List<SshTarget> targets) {
    for (SshTarget target : targets) {
      try (SshClient client = sshClients().open(target)) {
        client.run("true");
      }
    }
    return HostKeyOptions.forTools(!global.noHostKeyPinning(), targets);
  }

  private String onPath(String program, String missing) {
    return SshClientFactory.onPath(program, env.get("PATH"))
        .orElseThrow(() -> new MachineException(missing));
  }

  /** Runs scp, rsync, sshfs or fusermount on the user's terminal; failures as docker-machine. */
  private static int runTool(List<String> command) {
    try {
      int status = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (status != 0) {
        throw new MachineException("exit status " + status);
      }
      return 0;
    } catch (java.io.IOException e) {
      throw new MachineException("Error running " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MachineException("Interrupted while " + command.get(0) + " ran", e);
    }
  }

  /** docker-machine's "default" machine rule for verbs that take machine names. */
  public List<String> targetNames(List<String> args) {
    if (!args.isEmpty()) {
      return args;
    }
    if (store().exists("default")) {
      return List.of("default");
    }
    throw new MachineException(
        "Error: No machine name(s) specified and no \"default\" machine exists");
  }

  /** The same rule for verbs that take at most one name. */
  public String targetName(List<String> args) {
    if (args.size() > 1) {
      throw new MachineException("Error: Expected one machine name as an argument");
    }
    return targetNames(args).get(0);
  }
}
