package io.jmachine.provision;

/** boot2docker: Docker comes with the ISO; options in /var/lib/boot2docker/profile. */
final class Boot2DockerProvisioner extends Provisioner {
  Boot2DockerProvisioner() {
    super("boot2docker");
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.id().equals("boot2docker");
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Builtin();
  }

  @Override
  protected ServiceManager service() {
    return new ServiceManager.InitD();
  }

  @Override
  protected String certDir() {
    return "/var/lib/boot2docker";
  }

  @Override
  protected String configFile() {
    return "/var/lib/boot2docker/profile";
  }

  @Override
  protected String renderConfig(EngineConfig config) {
    return config.boot2dockerProfile();
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
    String n = run.name();
    run.sh()
        .check(
            "Setting the hostname",
            "sudo /usr/bin/sethostname "
                + n
                + " && echo \""
                + n
                + "\" | sudo tee /var/lib/boot2docker/etc/hostname");
    waitForDaemon(run);
    makeDockerOptionsDir(run);
    configureAuth(run);
  }

  @Override
  public void upgrade(ProvisionRun run) {
    throw new ProvisionException(
        "boot2docker machines are upgraded by replacing their ISO, which jmachine does not do");
  }
}
