package io.jmachine.provision;

import io.jmachine.ssh.SshResult;
import java.util.Optional;
import java.util.regex.Pattern;

/** A distribution's package manager, with docker-machine's exact command lines. */
public abstract class PackageManager {

  /** Installs {@code pkg} (docker-machine's Package(pkg, Install)). */
  public abstract void install(RemoteShell sh, String pkg);

  /** Upgrades {@code pkg} to the newest version the mirrors have. */
  public abstract void upgrade(RemoteShell sh, String pkg);

  /** The package that is the distribution's own Docker engine. */
  public abstract String distroDocker(OsRelease os);

  /**
   * Installs the distribution's Docker engine. The default is {@link #install}; apt tries the
   * package lists the machine already has before refreshing them.
   */
  public void installDistroDocker(RemoteShell sh, OsRelease os) {
    install(sh, distroDocker(os));
  }

  /**
   * Installs the distribution's Docker package whose version starts with {@code version}; empty
   * when the mirrors have none (the caller then falls back to the install script).
   */
  public Optional<String> installPinned(RemoteShell sh, OsRelease os, String version) {
    return Optional.empty();
  }

  /** Refreshes the package lists before an OS update, where the family does that. */
  public void updateSystem(RemoteShell sh) {}

  /**
   * True when {@code candidate} (a package version, possibly with an epoch) is version {@code
   * wanted}: it starts with it and the next character does not continue a number.
   */
  static boolean versionMatches(String candidate, String wanted) {
    String v =
        candidate.contains(":") ? candidate.substring(candidate.indexOf(':') + 1) : candidate;
    if (!v.startsWith(wanted)) {
      return false;
    }
    return v.length() == wanted.length() || !Character.isDigit(v.charAt(wanted.length()));
  }

  /** apt-get, as docker-machine drives it on Debian and Ubuntu. */
  public static final class Apt extends PackageManager {
    static final String UPDATE = "sudo apt-get update";
    private static final Pattern NEEDS_UPDATE =
        Pattern.compile(
            "Unable to locate package|has no installation candidate|Failed to fetch|404\\s+Not"
                + " Found|Version '.*' for '.*' was not found");
    private final String installOptions;

    /** {@code installOptions} sit between {@code -y} and the package (upstart's force-confnew). */
    public Apt(String installOptions) {
      this.installOptions = installOptions;
    }

    String installCommand(String pkg) {
      return "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y "
          + installOptions
          + " "
          + pkg;
    }

    @Override
    public void install(RemoteShell sh, String pkg) {
      sh.check("Updating the package lists", UPDATE);
      sh.check("Installing " + pkg, installCommand(pkg));
    }

    @Override
    public void upgrade(RemoteShell sh, String pkg) {
      install(sh, pkg);
    }

    @Override
    public String distroDocker(OsRelease os) {
      return "docker.io";
    }

    /** Installs from the lists the machine has; refreshes them only when the package is missing. */
    @Override
    public void installDistroDocker(RemoteShell sh, OsRelease os) {
      String pkg = distroDocker(os);
      installWithListsIfNeeded(sh, "Installing " + pkg, installCommand(pkg));
    }

    private void installWithListsIfNeeded(RemoteShell sh, String step, String command) {
      SshResult first = sh.run(step, command);
      if (first.succeeded()) {
        return;
      }
      if (NEEDS_UPDATE.matcher(first.output()).find()) {
        sh.check("Updating the package lists", UPDATE);
      }
      sh.check(step, command);
    }

    @Override
    public Optional<String> installPinned(RemoteShell sh, OsRelease os, String version) {
      String pkg = distroDocker(os);
      String list = "apt-cache madison " + pkg;
      Optional<String> match =
          pick(sh.run("Listing the versions of " + pkg, list).output(), version);
      if (match.isEmpty()) {
        sh.check("Updating the package lists", UPDATE);
        match = pick(sh.run("Listing the versions of " + pkg, list).output(), version);
      }
      if (match.isEmpty()) {
        return Optional.empty();
      }
      String command =
          "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y --allow-downgrades "
              + pkg
              + "="
              + match.get();
      installWithListsIfNeeded(sh, "Installing " + pkg + " " + match.get(), command);
      return match;
    }

    /** The newest listed version (madison lists newest first) that is {@code version}. */
    static Optional<String> pick(String madison, String version) {
      for (String line : madison.lines().toList()) {
        String[] columns = line.split("\\|");
        if (columns.length >= 2) {
          String candidate = columns[1].strip();
          if (versionMatches(candidate, version)) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.empty();
    }
  }

  /** yum, for the RedHat family. */
  public static final class Yum extends PackageManager {
    @Override
    public void install(RemoteShell sh, String pkg) {
      sh.check("Installing " + pkg, "sudo -E yum install -y " + pkg);
    }

    @Override
    public void upgrade(RemoteShell sh, String pkg) {
      sh.check("Upgrading " + pkg, "sudo -E yum upgrade -y " + pkg);
    }

    @Override
    public String distroDocker(OsRelease os) {
      return os.id().equals("fedora") ? "moby-engine" : "docker";
    }

    @Override
    public void updateSystem(RemoteShell sh) {
      sh.check("Updating the system (except Docker)", "sudo -E yum -y update -x docker-*");
    }
  }

  /** zypper, for SUSE; an installed package is detected with rpm first. */
  public static final class Zypper extends PackageManager {
    @Override
    public void install(RemoteShell sh, String pkg) {
      if (sh.run("Checking for " + pkg, "rpm -q " + pkg).succeeded()) {
        return;
      }
      sh.check("Installing " + pkg, "sudo -E zypper -n in " + pkg);
    }

    @Override
    public void upgrade(RemoteShell sh, String pkg) {
      sh.check("Upgrading " + pkg, "sudo -E zypper -n up " + pkg);
    }

    @Override
    public String distroDocker(OsRelease os) {
      return "docker";
    }
  }

  /** pacman, for Arch. */
  public static final class Pacman extends PackageManager {
    @Override
    public void install(RemoteShell sh, String pkg) {
      sh.check("Installing " + pkg, "sudo -E pacman -Sy --noconfirm --noprogressbar " + pkg);
    }

    @Override
    public void upgrade(RemoteShell sh, String pkg) {
      install(sh, pkg);
    }

    @Override
    public String distroDocker(OsRelease os) {
      return "docker";
    }
  }

  /** For systems whose Docker comes with the OS image (boot2docker, CoreOS, RancherOS). */
  public static final class Builtin extends PackageManager {
    @Override
    public void install(RemoteShell sh, String pkg) {
      throw new ProvisionException(
          "this system has no package manager jmachine can use to install " + pkg);
    }

    @Override
    public void upgrade(RemoteShell sh, String pkg) {
      install(sh, pkg);
    }

    @Override
    public String distroDocker(OsRelease os) {
      return "docker";
    }
  }
}
