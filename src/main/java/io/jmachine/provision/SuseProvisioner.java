package io.jmachine.provision;

import io.jmachine.ssh.SshResult;

/**
 * SUSE Linux Enterprise and openSUSE: zypper and systemd, Docker from the distribution by default
 * (docker-machine never used the install script here), btrfs or overlay as storage driver.
 */
final class SuseProvisioner extends Provisioner {
  private String storageDriver;

  SuseProvisioner() {
    super("SUSE");
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.idLike().contains("suse");
  }

  @Override
  public boolean matchesRelative(String relative) {
    return relative.equals("suse") || relative.equals("opensuse");
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Zypper();
  }

  @Override
  protected ServiceManager service() {
    return new ServiceManager.Systemd();
  }

  @Override
  protected InstallStrategy defaultStrategy() {
    return new InstallStrategy.Distro();
  }

  @Override
  protected String defaultStorageDriver(ProvisionRun run) {
    if (storageDriver == null) {
      SshResult r = run.sh().run("Checking the file system", "stat -f -c %T /var/lib/docker");
      if (!r.succeeded()) {
        r = run.sh().run("Checking the file system", "stat -f -c %T /var/lib/");
      }
      storageDriver = r.output().contains("btrfs") ? "btrfs" : "overlay";
    }
    return storageDriver;
  }

  @Override
  protected void installDistroDocker(ProvisionRun run) {
    RemoteShell sh = run.sh();
    if (!run.os().id().startsWith("opensuse")) {
      SshResult r =
          sh.run(
              "Adding the containers module",
              "sudo -E SUSEConnect -p sle-module-containers/12/$(uname -m) -r ''");
      if (!r.succeeded()) {
        throw new ProvisionException(
            "Error while adding the 'containers' module, make sure this machine is registered"
                + " either against SUSE Customer Center (SCC) or to a local Subscription"
                + " Management Tool (SMT): "
                + RemoteShell.tail(r.output()));
      }
    }
    packages().install(sh, "curl");
    packages().install(sh, "docker");
    sh.run("Linking runc", "yes no | sudo -E ln -si /usr/sbin/runc /usr/sbin/docker-runc");
    sh.run("Linking containerd", "sudo -E ln -sf /usr/sbin/containerd /usr/sbin/docker-containerd");
    sh.run(
        "Linking containerd-shim",
        "sudo -E ln -sf /usr/sbin/containerd-shim /usr/sbin/docker-containerd-shim");
  }

  @Override
  public void provision(ProvisionRun run) {
    if (run.target().engine().storageDriver() == null
        || run.target().engine().storageDriver().isEmpty()) {
      defaultStorageDriver(run);
    }
    setHostname(run);
    installDocker(run);
    RemoteShell sh = run.sh();
    if (sh.run("Checking for the YaST firewall", "rpm -q yast2-firewall").succeeded()) {
      sh.check(
          "Opening the Docker port in the firewall",
          "sudo -E /sbin/yast2 firewall services add ipprotocol=tcp tcpport="
              + run.target().enginePort()
              + " zone=EXT");
    }
    configureAuth(run);
    enable(run);
  }
}
