package io.jmachine.provision;

import io.jmachine.error.GoQuote;
import io.jmachine.ssh.SshResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one family of Linux systems into a TLS-secured Docker host, issuing docker-machine's remote
 * commands (spec §6.4). Every step is safe to repeat, so `provision` can re-run on a provisioned
 * machine or finish a create that failed half-way. Where docker-machine's sequence was fragile the
 * steps differ, always deliberately: Docker that is already installed is left alone (and so are the
 * package lists), files travel base64-encoded and are written atomically, and the daemon's start is
 * checked with its log shown on failure.
 */
public abstract class Provisioner {
  static final String PORT_PROBE =
      "if ! type netstat 1>/dev/null; then ss -tln; else netstat -tln; fi";
  static final int PORT_PROBES = 10;
  static final Duration PORT_PAUSE = Duration.ofSeconds(3);
  static final String DOCKER_VERSION = "docker --version";
  static final String FIND_DOCKERD = "sudo sh -c 'command -v dockerd'";
  static final String DOCKER0 =
      "if [ ! -z \"$(ip link show docker0)\" ]; then sudo ip link delete docker0; fi";
  private static final Pattern VERSION_OUTPUT = Pattern.compile("Docker version ([^,\\s]+)");

  private final String name;

  protected Provisioner(String name) {
    this.name = name;
  }

  /** docker-machine's name for it, as in "Provisioning with debian...". */
  public String name() {
    return name;
  }

  /** Whether this provisioner is the one for {@code os} (docker-machine's test, by ID). */
  public abstract boolean matches(OsRelease os);

  /**
   * Whether this provisioner suits a system that says it is like {@code relative} (one word of
   * ID_LIKE), for distributions docker-machine did not know.
   */
  public boolean matchesRelative(String relative) {
    return false;
  }

  protected abstract PackageManager packages();

  protected abstract ServiceManager service();

  /** Where ca.pem, server.pem and server-key.pem go on the machine. */
  protected String certDir() {
    return "/etc/docker";
  }

  /**
   * docker-machine's GetDockerOptionsDir(): the certificates' folder, bound into Swarm's manager.
   */
  public final String dockerOptionsDir() {
    return certDir();
  }

  /** The daemon's options file. */
  protected String configFile() {
    return "/etc/systemd/system/docker.service.d/10-machine.conf";
  }

  protected String renderConfig(EngineConfig config) {
    return config.systemdDropIn();
  }

  protected String defaultStorageDriver(ProvisionRun run) {
    return "overlay2";
  }

  /** What installs Docker when the machine's config names no strategy. */
  protected InstallStrategy defaultStrategy() {
    return new InstallStrategy.Script();
  }

  /** What the install script needs first (docker-machine's base packages). */
  protected List<String> basePackages() {
    return List.of("curl");
  }

  /** docker-machine's systemd provisioners checked the client version for `docker daemon`. */
  protected boolean checksClientVersion() {
    return true;
  }

  /** The whole provisioning (docker-machine's Provision()). */
  public abstract void provision(ProvisionRun run);

  /** New server certificate on the machine and a restarted daemon: regenerate-certs. */
  public void regenerateCertificates(ProvisionRun run) {
    configureAuth(run);
  }

  /** `upgrade`: Docker upgraded the way the machine installed it, then restarted. */
  public void upgrade(ProvisionRun run) {
    InstallStrategy strategy = strategy(run);
    run.info("Upgrading docker...");
    RemoteShell sh = run.sh();
    if (strategy instanceof InstallStrategy.None) {
      run.info(
          "Docker on "
              + run.name()
              + " is installed by other means (install strategy none); not upgrading it.");
    } else if (strategy instanceof InstallStrategy.Distro) {
      packages().upgrade(sh, packages().distroDocker(run.os()));
    } else if (strategy instanceof InstallStrategy.Version version) {
      installPinned(run, version, dockerVersion(run));
    } else {
      install(run, strategy);
    }
    run.info("Restarting docker...");
    service().restart(sh);
    waitForDaemon(run);
  }

  InstallStrategy strategy(ProvisionRun run) {
    return run.target().strategy().orElseGet(this::defaultStrategy);
  }

  // ---- steps shared by the provisioners ----

  /** docker-machine's generic hostname pair: the running name, /etc/hostname, /etc/hosts. */
  protected void setHostname(ProvisionRun run) {
    String n = run.name();
    RemoteShell sh = run.sh();
    sh.check(
        "Setting the hostname",
        "sudo hostname " + n + " && echo \"" + n + "\" | sudo tee /etc/hostname");
    sh.check(
        "Setting the hostname",
        "\n\t\tif ! grep -xq '.*\\s"
            + n
            + "' /etc/hosts; then\n\t\t\tif grep -xq '127.0.1.1\\s.*' /etc/hosts; then\n"
            + "\t\t\t\tsudo sed -i 's/^127.0.1.1\\s.*/127.0.1.1 "
            + n
            + "/g' /etc/hosts;\n\t\t\telse \n\t\t\t\techo '127.0.1.1 "
            + n
            + "' | sudo tee -a /etc/hosts; \n\t\t\tfi\n\t\tfi");
  }

  /** The RedHat family's hostname pair. */
  protected void setRedHatHostname(ProvisionRun run) {
    String n = run.name();
    RemoteShell sh = run.sh();
    sh.check(
        "Setting the hostname",
        "sudo hostname " + n + " && echo \"" + n + "\" | sudo tee /etc/hostname");
    sh.check(
        "Setting the hostname",
        "if grep -xq 127.0.1.1.* /etc/hosts; then sudo sed -i 's/^127.0.1.1.*/127.0.1.1 "
            + n
            + "/g' /etc/hosts; else echo '127.0.1.1 "
            + n
            + "' | sudo tee -a /etc/hosts; fi");
  }

  /** The version `docker --version` reports, empty when Docker is not installed. */
  protected Optional<String> dockerVersion(ProvisionRun run) {
    SshResult r = run.sh().run("Checking for Docker", DOCKER_VERSION);
    if (!r.succeeded()) {
      return Optional.empty();
    }
    Matcher m = VERSION_OUTPUT.matcher(r.output());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Installs Docker with the machine's strategy unless it is there already. Returns true when it
   * installed something.
   */
  protected boolean installDocker(ProvisionRun run) {
    InstallStrategy strategy = strategy(run);
    Optional<String> installed = dockerVersion(run);
    if (strategy instanceof InstallStrategy.None) {
      if (installed.isEmpty()) {
        throw new ProvisionException(
            "Docker is not installed on "
                + run.name()
                + " and its install strategy is \"none\": install Docker there first, or create"
                + " the machine with --engine-install-strategy script or distro");
      }
      return false;
    }
    if (strategy instanceof InstallStrategy.Version v) {
      if (installed.isPresent() && PackageManager.versionMatches(installed.get(), v.version())) {
        return false;
      }
    } else if (installed.isPresent()) {
      return false;
    }
    run.info("Installing Docker...");
    if (strategy instanceof InstallStrategy.Version version) {
      installPinned(run, version, installed);
      return true;
    }
    install(run, strategy);
    Optional<String> now = dockerVersion(run);
    if (now.isEmpty()) {
      SshResult r = run.sh().run("Checking for Docker", DOCKER_VERSION);
      throw RemoteShell.failure(
          "Checking the installed Docker",
          DOCKER_VERSION,
          r,
          "",
          "Docker is still missing after installing it with " + strategy.describe());
    }
    return true;
  }

  private void install(ProvisionRun run, InstallStrategy strategy) {
    if (strategy instanceof InstallStrategy.Distro) {
      installDistroDocker(run);
    } else if (strategy instanceof InstallStrategy.File file) {
      runUserScript(run, file);
    } else {
      prepareForScript(run);
      runInstallScript(run, run.target().installUrl(), "");
    }
  }

  /** The distribution's packages; SUSE adds its symlinks and firewall rule. */
  protected void installDistroDocker(ProvisionRun run) {
    packages().installDistroDocker(run.sh(), run.os());
  }

  /** The packages the install script needs, and the OS update where the family does one. */
  protected void prepareForScript(ProvisionRun run) {
    for (String pkg : basePackages()) {
      packages().install(run.sh(), pkg);
    }
  }

  /**
   * Runs an install script fetched with curl. Unlike docker-machine's {@code curl -sSL URL | sh -},
   * a failed download fails the step instead of running an empty script.
   */
  protected void runInstallScript(ProvisionRun run, String url, String environment) {
    String command =
        "T=$(mktemp) || exit 1; curl -fsSL "
            + ShellQuote.quote(url)
            + " -o \"$T\" && "
            + environment
            + "sh \"$T\"; S=$?; rm -f \"$T\"; exit $S";
    run.sh().check("Installing Docker with the script from " + url, command);
  }

  /** A pinned version: the distribution's package of it, else the install script asked for it. */
  protected void installPinned(
      ProvisionRun run, InstallStrategy.Version v, Optional<String> installed) {
    if (installed.isPresent() && PackageManager.versionMatches(installed.get(), v.version())) {
      return;
    }
    Optional<String> pkg = packages().installPinned(run.sh(), run.os(), v.version());
    if (pkg.isEmpty()) {
      String url = run.target().installUrl();
      run.info(
          "The distribution has no Docker "
              + v.version()
              + "; installing it with the script from "
              + url
              + "...");
      prepareForScript(run);
      runInstallScript(run, url, "VERSION=" + ShellQuote.quote(v.version()) + " ");
    }
    Optional<String> now = dockerVersion(run);
    if (now.isEmpty() || !PackageManager.versionMatches(now.get(), v.version())) {
      throw new ProvisionException(
          "Docker "
              + v.version()
              + " was requested but the machine has "
              + now.map(x -> "Docker " + x).orElse("no Docker")
              + " after installing it");
    }
  }

  /** The user's script, copied over and run as root. */
  protected void runUserScript(ProvisionRun run, InstallStrategy.File file) {
    byte[] script;
    try {
      script = java.nio.file.Files.readAllBytes(file.script());
    } catch (java.io.IOException e) {
      throw new ProvisionException("Cannot read the install script " + file.script() + ": " + e);
    }
    String remote = "/var/tmp/jmachine-install-docker.sh";
    List<RemoteFile> files = List.of(new RemoteFile(remote, script, "0700"));
    run.sh()
        .check("Copying the install script", RemoteFile.command(files), RemoteFile.shown(files));
    run.sh().check("Running the install script " + file.script(), "sudo sh " + remote);
  }

  /**
   * docker-machine's ConfigureAuth: certificates into the machine folder and onto the machine, the
   * daemon's options, a restart, and the wait for the daemon's port. Everything that can fail
   * without touching the machine (certificates, rendering the options) happens before Docker is
   * stopped.
   */
  protected void configureAuth(ProvisionRun run) {
    RemoteShell sh = run.sh();
    ProvisionTarget t = run.target();
    run.info("Copying certs to the local machine directory...");
    run.certificates().copyToMachineDirectory();
    LocalCertificates.ServerMaterial material =
        run.certificates().serverCertificate(t.ip(), run.freshServerCertificate());
    String dockerd = daemonCommand(run);
    String storageDriver =
        t.engine().storageDriver() == null || t.engine().storageDriver().isEmpty()
            ? defaultStorageDriver(run)
            : t.engine().storageDriver();
    EngineConfig config =
        EngineConfig.of(
            t.engine(), t.driverName(), dockerd, t.enginePort(), storageDriver, certDir());
    String rendered = renderConfig(config);

    service().stop(sh);
    sh.run("Removing the docker0 bridge", DOCKER0);
    run.info("Copying certs to the remote machine...");
    List<RemoteFile> certs =
        List.of(
            RemoteFile.of(certDir() + "/ca.pem", material.caPem(), "0644"),
            RemoteFile.of(certDir() + "/server.pem", material.certPem(), "0644"),
            RemoteFile.of(certDir() + "/server-key.pem", material.keyPem(), "0600"));
    sh.check(
        "Copying certs to the remote machine", RemoteFile.command(certs), RemoteFile.shown(certs));
    run.info("Setting Docker configuration on the remote daemon...");
    List<RemoteFile> options = List.of(RemoteFile.of(configFile(), rendered, "0644"));
    sh.check(
        "Writing the Docker daemon's options",
        RemoteFile.command(options),
        RemoteFile.shown(options));
    service().start(sh);
    waitForDaemon(run);
  }

  /**
   * The daemon command line's start: the dockerd the machine has (Debian's is /usr/sbin/dockerd,
   * docker-machine assumed /usr/bin/dockerd), or `docker daemon` for clients before 1.12.
   */
  protected String daemonCommand(ProvisionRun run) {
    RemoteShell sh = run.sh();
    if (checksClientVersion()) {
      String out = sh.check("Checking the Docker version", DOCKER_VERSION);
      Matcher m = VERSION_OUTPUT.matcher(out);
      if (!m.find()) {
        throw new ProvisionException(
            "DockerClientVersion: cannot parse version string from " + GoQuote.quote(out.strip()));
      }
      if (olderThan112(m.group(1))) {
        return "/usr/bin/docker daemon";
      }
    }
    SshResult found = sh.run("Finding dockerd", FIND_DOCKERD);
    String path = found.output().strip();
    if (found.succeeded() && path.startsWith("/") && !path.contains("\n")) {
      return path;
    }
    return "/usr/bin/dockerd";
  }

  static boolean olderThan112(String version) {
    Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
    if (!m.find()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major < 1 || major == 1 && minor < 12;
  }

  /**
   * docker-machine's WaitForDocker: the daemon's port in `ss`/`netstat`, 10 tries 3 s apart; on
   * failure the error carries the daemon's own log.
   */
  public void waitForDaemon(ProvisionRun run) {
    RemoteShell sh = run.sh();
    Pattern listening = Pattern.compile(":" + run.target().enginePort() + "\\s+.*:.*");
    SshResult last = null;
    for (int i = 0; i < PORT_PROBES; i++) {
      last = sh.run("Waiting for the Docker daemon", PORT_PROBE);
      if (last.succeeded() && listening.matcher(last.output()).find()) {
        return;
      }
      if (i + 1 < PORT_PROBES) {
        sh.pause().sleep(PORT_PAUSE);
      }
    }
    throw new ProvisionException(
        "Unable to verify the Docker daemon is listening: Maximum number of retries ("
            + PORT_PROBES
            + ") exceeded\n"
            + service().daemonLog(sh));
  }

  protected void enable(ProvisionRun run) {
    service().enable(run.sh());
  }

  protected void makeDockerOptionsDir(ProvisionRun run) {
    run.sh().check("Creating " + certDir(), "sudo mkdir -p " + certDir());
  }

  @Override
  public String toString() {
    return name;
  }
}
