package io.jmachine.provision;

/** Ubuntu before 15.04: apt, upstart and /etc/default/docker. */
final class UbuntuUpstartProvisioner extends Provisioner {
  UbuntuUpstartProvisioner() {
    super("ubuntu(upstart)");
  }

  @Override
  public boolean matches(OsRelease os) {
    double v = os.versionNumber();
    return os.id().equals("ubuntu") && v >= 0 && v < 15.04;
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Apt("-o Dpkg::Options::=\"--force-confnew\"");
  }

  @Override
  protected ServiceManager service() {
    return new ServiceManager.Upstart();
  }

  @Override
  protected String configFile() {
    return "/etc/default/docker";
  }

  @Override
  protected String renderConfig(EngineConfig config) {
    return config.upstartOptions(name());
  }

  @Override
  protected String daemonCommand(ProvisionRun run) {
    return "";
  }

  @Override
  public void provision(ProvisionRun run) {
    setHostname(run);
    installDocker(run);
    makeDockerOptionsDir(run);
    configureAuth(run);
  }
}
