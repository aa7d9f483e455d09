package io.jmachine.provision;

import java.util.Set;

/**
 * The RedHat family, one provisioner per ID (docker-machine's redhat, centos, fedora and ol, plus
 * rocky and almalinux): yum and systemd.
 */
final class RedHatProvisioner extends Provisioner {
  private final String id;
  private final Set<String> relatives;

  RedHatProvisioner(String name, String id, Set<String> relatives) {
    super(name);
    this.id = id;
    this.relatives = relatives;
  }

  @Override
  public boolean matches(OsRelease os) {
    return os.id().equals(id);
  }

  @Override
  public boolean matchesRelative(String relative) {
    return relatives.contains(relative);
  }

  @Override
  protected PackageManager packages() {
    return new PackageManager.Yum();
  }

  @Override
  protected ServiceManager service() {
    return new ServiceManager.Systemd();
  }

  @Override
  protected boolean checksClientVersion() {
    return false;
  }

  /** docker-machine updated the whole system (but Docker) before running the install script. */
  @Override
  protected void prepareForScript(ProvisionRun run) {
    super.prepareForScript(run);
    packages().updateSystem(run.sh());
  }

  @Override
  public void provision(ProvisionRun run) {
    setRedHatHostname(run);
    installDocker(run);
    makeDockerOptionsDir(run);
    configureAuth(run);
    enable(run);
  }
}
