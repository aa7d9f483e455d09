package io.jmachine.provision;

import io.jmachine.engine.EngineOptions;
import io.jmachine.ssh.SshResult;

/** RancherOS: Docker runs as a system container; hostname through cloud-config. */
final class RancherOsProvisioner extends Provisioner {
  RancherOsProvisioner() {
    super("rancheros");
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.id().equals("rancheros");
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Builtin();
  }

  @Override
  protected ServiceManager service() {
    return new ServiceManager.SystemDocker();
  }

  @Override
  protected String certDir() {
    return "/var/lib/rancher/conf";
  }

  @Override
  protected String configFile() {
    return "/var/lib/rancher/conf/docker";
  }

  @Override
  protected String renderConfig(EngineConfig config) {
    return config.upstartOptions(name());
  }

  @Override
  protected String defaultStorageDriver(ProvisionRun run) {
    return "overlay";
  }

  @Override
  protected InstallStrategy defaultStrategy() {
    return new InstallStrategy.None();
  }

  @Override
  protected String daemonCommand(ProvisionRun run) {
    return "";
  }

  @Override
  public void provision(ProvisionRun run) {
    String driver = run.target().engine().storageDriver();
    if (driver != null && !driver.isEmpty() && !driver.equals("overlay")) {
      throw new ProvisionException("Unsupported storage driver: " + driver);
    }
    RemoteShell sh = run.sh();
    String n = run.name();
    sh.check(
        "Setting the hostname",
        "sed /127.0.1.1/d /etc/hosts > /tmp/hosts && cat /tmp/hosts | sudo tee /etc/hosts");
    setHostname(run);
    sh.check(
        "Setting the hostname",
        "sudo mkdir -p /var/lib/rancher/conf/cloud-config.d/  \n"
            + "sudo tee /var/lib/rancher/conf/cloud-config.d/machine-hostname.yml << EOF\n"
            + "#cloud-config\n\nhostname: "
            + n
            + "\nEOF\n");
    String url = run.target().engine().installUrl();
    if (url != null
        && !url.isEmpty()
        && !url.equals(EngineOptions.DEFAULT_INSTALL_URL)
        && !url.equals("none")) {
      String command = "wget -O- " + ShellQuote.quote(url) + " | sh -";
      SshResult r = sh.run("Selecting the Docker version", command);
      if (!r.succeeded()) {
        throw new ProvisionException(
            "error selecting docker: (exit status " + r.exitStatus() + ") " + r.output().strip());
      }
    }
    configureAuth(run);
  }

  @Override
  public void upgrade(ProvisionRun run) {
    throw new ProvisionException(
        "RancherOS machines are upgraded with `sudo ros os upgrade` on the machine; jmachine does"
            + " not do it");
  }
}
