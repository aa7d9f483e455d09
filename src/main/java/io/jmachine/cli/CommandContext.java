package io.jmachine.cli;

import io.jmachine.cert.CertificateBootstrap;
import io.jmachine.cert.CertificateExpiryChecker;
import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.CertificatePaths;
import io.jmachine.cert.ConnectionValidator;
import io.jmachine.cli.output.Console;
import io.jmachine.docker.DockerEngineClient;
import io.jmachine.docker.HttpsVersionProbe;
import io.jmachine.driver.DriverRegistry;
import io.jmachine.drivers.none.NoneDriverFactory;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.machine.CertificateHealth;
import io.jmachine.machine.ConnectionCheck;
import io.jmachine.machine.CreateRequest;
import io.jmachine.machine.EngineVersionProbe;
import io.jmachine.machine.HostLister;
import io.jmachine.machine.MachineApi;
import io.jmachine.machine.PowerActions;
import io.jmachine.machine.Sleeper;
import io.jmachine.store.FileMachineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What a verb needs from its surroundings: output, environment, global options and the store.
 * Services are built on first use so that quick verbs never pay for the ones they don't use.
 */
public final class CommandContext {
  private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(30);
  private final Console console;
  private final Environment env;
  private final String programName;
  private final List<String> invocation;
  private final MachineCommand global;
  private DriverRegistry drivers;
  private FileMachineStore store;
  private CertificateHealth certificateHealth;

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
    return global.nativeSsh;
  }

  public boolean debug() {
    return global.debug;
  }

  public DriverRegistry drivers() {
    if (drivers == null) {
      drivers = new DriverRegistry(List.of(new NoneDriverFactory()));
    }
    return drivers;
  }

  public FileMachineStore store() {
    if (store == null) {
      store = new FileMachineStore(storePath(), drivers());
    }
    return store;
  }

  public Path storePath() {
    return Path.of(global.storagePath).toAbsolutePath().normalize();
  }

  /** The --tls-* global paths, each defaulting to the store's certs folder. */
  public Path caCertPath() {
    return orCerts(global.tlsCaCert, "ca.pem");
  }

  public Path caKeyPath() {
    return orCerts(global.tlsCaKey, "ca-key.pem");
  }

  public Path clientCertPath() {
    return orCerts(global.tlsClientCert, "cert.pem");
  }

  public Path clientKeyPath() {
    return orCerts(global.tlsClientKey, "key.pem");
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

  public ConnectionCheck connectionCheck() {
    ConnectionValidator validator = new ConnectionValidator();
    return new ConnectionCheck(
        (hostPort, auth) ->
            validator.validate(
                hostPort,
                Path.of(auth.caCertPath()),
                Path.of(auth.clientCertPath()),
                Path.of(auth.clientKeyPath())));
  }

  public PowerActions powerActions() {
    return new PowerActions(console::info, Sleeper.REAL);
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
    throw new MachineException(
        "Error: the " + host.driverName() + " driver's SSH access is not available in this build");
  }

  /** Provisions a freshly created machine; registered engines need none. */
  public void provision(Host host) {
    if (host.driver().reachableOverSsh()) {
      requireSsh(host);
    }
  }

  public void upgrade(Host host) {
    requireSsh(host);
  }

  public int ssh(Host host, List<String> command) {
    requireSsh(host);
    return 1;
  }

  public int copy(
      String source, String destination, boolean recursive, boolean delta, boolean quiet) {
    throw new MachineException("Error: scp needs SSH access, which this build does not have yet");
  }

  public int mount(List<String> args, boolean unmount) {
    throw new MachineException("Error: mount needs SSH access, which this build does not have yet");
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
