package io.jmachine.provision;

/** Arch Linux: pacman and systemd, Docker from the distribution by default. */
final class ArchProvisioner extends Provisioner {
  static final String SUDO = "if ! type sudo; then pacman -Sy --noconfirm --noprogressbar sudo; fi";

  ArchProvisioner() {
    super("arch");
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.id().equals("arch") || os.get("ID_LIKE").equals("arch");
  }

  @Override
  public boolean matchesRelative(String relative) {
    return relative.equals("arch");
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Pacman();
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
  protected void installDistroDocker(ProvisionRun run) {
    packages().install(run.sh(), "curl");
    packages().install(run.sh(), "docker");
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
