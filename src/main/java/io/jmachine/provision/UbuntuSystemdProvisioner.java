package io.jmachine.provision;

/** Ubuntu 15.04 and later: apt and systemd. */
final class UbuntuSystemdProvisioner extends Provisioner {
  UbuntuSystemdProvisioner() {
    super("ubuntu(systemd)");
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.id().equals("ubuntu") && os.versionNumber() >= 15.04;
  }

  @Override
  public boolean matchesRelative(String relative) {
    return relative.equals("ubuntu");
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Apt("");
  }

  @Override
  protected ServiceManager service() {
    return new ServiceManager.Systemd();
  }

  @Override
  public void provision(ProvisionRun run) {
    setHostname(run);
    installDocker(run);
    configureAuth(run);
    enable(run);
  }
}
