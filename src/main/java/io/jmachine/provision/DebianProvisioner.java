package io.jmachine.provision;

/** Debian (and systems like it): apt, systemd, sudo installed first if missing. */
final class DebianProvisioner extends Provisioner {
  static final String SUDO =
      "if ! type sudo; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y"
          + " sudo; fi";

  DebianProvisioner() {
    super("debian");
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.id().equals("debian");
  }

  @Override
  public boolean matchesRelative(String relative) {
    return relative.equals("debian");
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
    run.sh().check("Installing sudo", SUDO);
    setHostname(run);
    installDocker(run);
    configureAuth(run);
    enable(run);
  }
}
