package io.jmachine.provision;

/** CoreOS Container Linux: Docker comes with the OS; hostname through cloud-init. */
final class CoreOsProvisioner extends Provisioner {
  CoreOsProvisioner() {
    super("coreOS");
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.id().equals("coreos");
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Builtin();
  }

  @Override
  protected ServiceManager service() {
    return new ServiceManager.Systemd();
  }

  @Override
  protected InstallStrategy defaultStrategy() {
    return new InstallStrategy.None();
  }

  @Override
  protected String renderConfig(EngineConfig config) {
    return config.coreOsDropIn();
  }

  /** CoreOS's own wrapper; docker-machine blanked the `daemon` word for 1.12 and later. */
  @Override
  protected String daemonCommand(ProvisionRun run) {
    String out = run.sh().check("Checking the Docker version", DOCKER_VERSION);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Docker version ([^,\\s]+)").matcher(out);
    boolean old = m.find() && olderThan112(m.group(1));
    return "/usr/lib/coreos/dockerd " + (old ? "daemon" : "");
  }

  @Override
  public void provision(ProvisionRun run) {
    String n = run.name();
    run.sh()
        .check(
            "Setting the hostname",
            "sudo tee /var/tmp/hostname.yml << EOF\n#cloud-config\n\nhostname: " + n + "\nEOF\n");
    run.sh()
        .check(
            "Setting the hostname",
            "sudo systemctl start system-cloudinit@var-tmp-hostname.yml.service");
    makeDockerOptionsDir(run);
    configureAuth(run);
  }
}
