package io.jmachine.provision;

import io.jmachine.error.MachineException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chooses a machine's provisioner from its os-release, in a fixed order: docker-machine tried its
 * provisioners in Go's random map order. An exact ID match wins; otherwise the words of ID_LIKE are
 * tried in the order the file gives them, so derivatives (Linux Mint, Raspbian, Amazon Linux) get
 * their family's provisioner.
 */
public final class Provisioners {
  private static final List<Supplier<Provisioner>> ORDER =
      List.of(
          Boot2DockerProvisioner::new,
          UbuntuSystemdProvisioner::new,
          UbuntuUpstartProvisioner::new,
          DebianProvisioner::new,
          () -> new RedHatProvisioner("redhat", "rhel", Set.of("rhel")),
          () -> new RedHatProvisioner("centos", "centos", Set.of("centos")),
          () -> new RedHatProvisioner("fedora", "fedora", Set.of("fedora")),
          () -> new RedHatProvisioner("ol", "ol", Set.of()),
          () -> new RedHatProvisioner("rocky", "rocky", Set.of()),
          () -> new RedHatProvisioner("almalinux", "almalinux", Set.of()),
          SuseProvisioner::new,
          ArchProvisioner::new,
          RancherOsProvisioner::new,
          CoreOsProvisioner::new);

  private Provisioners() {}

  /** A fresh provisioner for {@code os}, or docker-machine's "OS type not recognized". */
  public static Provisioner detect(OsRelease os) {
    for (Supplier<Provisioner> s : ORDER) {
      Provisioner p = s.get();
      if (p.matches(os)) {
        return p;
      }
    }
    for (String relative : os.idLike()) {
      for (Supplier<Provisioner> s : ORDER) {
        Provisioner p = s.get();
        if (p.matchesRelative(relative)) {
          return p;
        }
      }
    }
    throw new MachineException("Error detecting OS: OS type not recognized");
  }

  /** The provisioners' names in the order they are tried. */
  public static List<String> names() {
    return ORDER.stream().map(s -> s.get().name()).toList();
  }
}
