package io.jmachine.provision;

import static io.jmachine.provision.FakeMachine.engine;
import static io.jmachine.provision.FakeMachine.os;
import static io.jmachine.provision.FakeMachine.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.engine.EngineOptions;
import io.jmachine.ssh.SshResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact remote commands each provisioner issues (docker-machine spec §6.4), on a fake machine.
 * Only Debian runs for real (ProvisioningEndToEndTest); these transcripts are the contract for the
 * other families.
 */
class ProvisionerTranscriptTest {
  static final String HOSTNAME = "sudo hostname M && echo \"M\" | sudo tee /etc/hostname";
  static final String HOSTS =
      "\n\t\tif ! grep -xq '.*\\sM' /etc/hosts; then\n"
          + "\t\t\tif grep -xq '127.0.1.1\\s.*' /etc/hosts; then\n"
          + "\t\t\t\tsudo sed -i 's/^127.0.1.1\\s.*/127.0.1.1 M/g' /etc/hosts;\n"
          + "\t\t\telse \n"
          + "\t\t\t\techo '127.0.1.1 M' | sudo tee -a /etc/hosts; \n"
          + "\t\t\tfi\n"
          + "\t\tfi";
  static final String REDHAT_HOSTS =
      "if grep -xq 127.0.1.1.* /etc/hosts; then sudo sed -i 's/^127.0.1.1.*/127.0.1.1 M/g'"
          + " /etc/hosts; else echo '127.0.1.1 M' | sudo tee -a /etc/hosts; fi";
  static final String DEBIAN_SUDO =
      "if ! type sudo; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y"
          + " sudo; fi";
  static final String SCRIPT =
      "T=$(mktemp) || exit 1; curl -fsSL https://get.docker.com -o \"$T\" && sh \"$T\"; S=$?;"
          + " rm -f \"$T\"; exit $S";
  static final String PROBE = "if ! type netstat 1>/dev/null; then ss -tln; else netstat -tln; fi";
  static final String DOCKER0 =
      "if [ ! -z \"$(ip link show docker0)\" ]; then sudo ip link delete docker0; fi";
  static final String DROP_IN = "/etc/systemd/system/docker.service.d/10-machine.conf";
  static final String ETC_DOCKER_CERTS =
      "write /etc/docker/ca.pem 0644, /etc/docker/server.pem 0644, /etc/docker/server-key.pem"
          + " 0600";
  static final List<String> SYSTEMD_AUTH =
      List.of(
          "sudo systemctl -f stop docker",
          DOCKER0,
          ETC_DOCKER_CERTS,
          "write " + DROP_IN + " 0644",
          "sudo systemctl daemon-reload",
          "sudo systemctl -f start docker",
          PROBE);
  static final List<String> AUTH_MESSAGES =
      List.of(
          "Copying certs to the local machine directory...",
          "Copying certs to the remote machine...",
          "Setting Docker configuration on the remote daemon...");

  /** docker-machine's example options (spec §6.4). */
  static EngineOptions specOptions() {
    return engine(
        List.of("foo=bar"),
        List.of("A=1"),
        List.of("dns=8.8.8.8"),
        List.of("r:5000"),
        List.of("http://m"),
        "",
        "");
  }

  private static List<String> concat(Object... parts) {
    List<String> out = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> list) {
        list.forEach(x -> out.add((String) x));
      } else {
        out.add((String) part);
      }
    }
    return out;
  }

  @Test
  void debian_freshHost_installsWithTheScript_andWritesTheSpecDropIn() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("curl -fsSL");
    Provisioner p = Provisioners.detect(os("debian", "12", ""));

    p.provision(m.run(os("debian", "12", ""), target(specOptions())));

    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            concat(
                DEBIAN_SUDO,
                HOSTNAME,
                HOSTS,
                "docker --version",
                "sudo apt-get update",
                "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  curl",
                SCRIPT,
                "docker --version",
                "docker --version",
                "sudo sh -c 'command -v dockerd'",
                SYSTEMD_AUTH,
                "sudo systemctl -f enable docker"));
    assertThat(m.ssh.files().get(DROP_IN))
        .isEqualTo(
            "[Service]\n"
                + "ExecStart=\n"
                + "ExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2376 -H unix:///var/run/docker.sock"
                + " --storage-driver overlay2 --tlsverify --tlscacert /etc/docker/ca.pem --tlscert"
                + " /etc/docker/server.pem --tlskey /etc/docker/server-key.pem --label foo=bar"
                + " --label provider=generic --insecure-registry r:5000 --registry-mirror http://m"
                + " --dns=8.8.8.8 \n"
                + "Environment=\"A=1\" \n");
    assertThat(m.ssh.files())
        .containsEntry("/etc/docker/ca.pem", "CA PEM\n")
        .containsEntry("/etc/docker/server.pem", "SERVER PEM\n")
        .containsEntry("/etc/docker/server-key.pem", "SERVER KEY\n");
    assertThat(m.ssh.modes()).containsEntry("/etc/docker/server-key.pem", "0600");
    assertThat(m.info).containsExactlyElementsOf(concat("Installing Docker...", AUTH_MESSAGES));
  }

  @Test
  void debian_dockerPreinstalled_leavesItAlone_andUsesTheDockerdTheHostHas() {
    FakeMachine m = new FakeMachine(true);
    m.ssh.on("sudo sh -c 'command -v dockerd'", 0, "/usr/sbin/dockerd\n");

    Provisioners.detect(os("debian", "12", ""))
        .provision(m.run(os("debian", "12", ""), target(engine())));

    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            concat(
                DEBIAN_SUDO,
                HOSTNAME,
                HOSTS,
                "docker --version",
                "docker --version",
                "sudo sh -c 'command -v dockerd'",
                SYSTEMD_AUTH,
                "sudo systemctl -f enable docker"));
    assertThat(m.ssh.files().get(DROP_IN))
        .startsWith("[Service]\nExecStart=\nExecStart=/usr/sbin/dockerd -H tcp://0.0.0.0:2376 ")
        .endsWith("--label provider=generic \nEnvironment=\n");
    assertThat(m.info).containsExactlyElementsOf(AUTH_MESSAGES);
  }

  @Test
  void ubuntuSystemd_distroStrategy_installsDockerIoFromTheListsItHas() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("apt-get install -y  docker.io");

    Provisioners.detect(os("ubuntu", "22.04", "debian"))
        .provision(m.run(os("ubuntu", "22.04", "debian"), target(engine("distro"))));

    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            concat(
                HOSTNAME,
                HOSTS,
                "docker --version",
                "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  docker.io",
                "docker --version",
                "docker --version",
                "sudo sh -c 'command -v dockerd'",
                SYSTEMD_AUTH,
                "sudo systemctl -f enable docker"));
  }

  @Test
  void apt_packageNotInTheLists_refreshesThemAndRetries() {
    FakeMachine m = new FakeMachine(false);
    String install = "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  docker.io";
    m.ssh.onSequence(
        install,
        new SshResult(100, "E: Unable to locate package docker.io\n"),
        new SshResult(0, ""));
    PackageManager apt = new PackageManager.Apt("");

    apt.installDistroDocker(m.shell(), os("debian", "12", ""));

    assertThat(m.ssh.transcript()).containsExactly(install, "sudo apt-get update", install);
  }

  @Test
  void ubuntuUpstart_writesDefaultDocker_withServiceCommands() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("curl -fsSL");
    OsRelease trusty = os("ubuntu", "14.04", "debian");

    Provisioner p = Provisioners.detect(trusty);
    p.provision(m.run(trusty, target(specOptions())));

    assertThat(p.name()).isEqualTo("ubuntu(upstart)");
    assertThat(m.ssh.transcript())
        .containsExactly(
            HOSTNAME,
            HOSTS,
            "docker --version",
            "sudo apt-get update",
            "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y -o"
                + " Dpkg::Options::=\"--force-confnew\" curl",
            SCRIPT,
            "docker --version",
            "sudo mkdir -p /etc/docker",
            "sudo service docker stop",
            DOCKER0,
            ETC_DOCKER_CERTS,
            "write /etc/default/docker 0644",
            "sudo service docker start",
            PROBE);
    assertThat(m.ssh.files().get("/etc/default/docker"))
        .isEqualTo(
            "\nDOCKER_OPTS='\n-H tcp://0.0.0.0:2376\n-H unix:///var/run/docker.sock\n"
                + "--storage-driver overlay2\n--tlsverify\n--tlscacert /etc/docker/ca.pem\n"
                + "--tlscert /etc/docker/server.pem\n--tlskey /etc/docker/server-key.pem\n"
                + "--label foo=bar\n--label provider=generic\n--insecure-registry r:5000\n"
                + "--registry-mirror http://m\n--dns=8.8.8.8\n\n'\nexport \"A=1\"\n\n");
  }

  @Test
  void centos_scriptStrategy_updatesTheSystemFirst_andNeverAsksForDockerVersion() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("curl -fsSL");
    OsRelease centos = os("centos", "7", "rhel fedora");

    Provisioner p = Provisioners.detect(centos);
    p.provision(m.run(centos, target(engine())));

    assertThat(p.name()).isEqualTo("centos");
    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            concat(
                HOSTNAME,
                REDHAT_HOSTS,
                "docker --version",
                "sudo -E yum install -y curl",
                "sudo -E yum -y update -x docker-*",
                SCRIPT,
                "docker --version",
                "sudo mkdir -p /etc/docker",
                "sudo sh -c 'command -v dockerd'",
                SYSTEMD_AUTH,
                "sudo systemctl -f enable docker"));
  }

  @Test
  void redhatFamily_eachIdHasItsProvisioner() {
    assertThat(Provisioners.detect(os("rhel", "9.3", "fedora")).name()).isEqualTo("redhat");
    assertThat(Provisioners.detect(os("fedora", "39", "")).name()).isEqualTo("fedora");
    assertThat(Provisioners.detect(os("ol", "8.9", "")).name()).isEqualTo("ol");
    assertThat(Provisioners.detect(os("rocky", "9.3", "rhel centos fedora")).name())
        .isEqualTo("rocky");
    assertThat(Provisioners.detect(os("almalinux", "9.3", "rhel centos fedora")).name())
        .isEqualTo("almalinux");
  }

  @Test
  void fedora_distroStrategy_installsMobyEngine() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("yum install -y moby-engine");
    OsRelease fedora = os("fedora", "39", "");

    Provisioners.detect(fedora).provision(m.run(fedora, target(engine("distro"))));

    assertThat(m.ssh.transcript())
        .containsSubsequence("docker --version", "sudo -E yum install -y moby-engine")
        .doesNotContain("sudo -E yum -y update -x docker-*");
  }

  @Test
  void suse_defaultsToPackages_withSusesExtraSteps() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("zypper -n in docker");
    m.ssh.on("stat -f -c %T /var/lib/docker", 1, "stat: cannot read file system information\n");
    m.ssh.on("stat -f -c %T /var/lib/", 0, "ext2/ext3\n");
    m.ssh.on("rpm -q curl", 0, "curl-8.0.1\n");
    m.ssh.on("rpm -q docker", 1, "package docker is not installed\n");
    m.ssh.on("rpm -q yast2-firewall", 1, "package yast2-firewall is not installed\n");
    OsRelease sles = os("sles", "15.5", "suse");

    Provisioner p = Provisioners.detect(sles);
    p.provision(m.run(sles, target(engine())));

    assertThat(p.name()).isEqualTo("SUSE");
    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            concat(
                "stat -f -c %T /var/lib/docker",
                "stat -f -c %T /var/lib/",
                HOSTNAME,
                HOSTS,
                "docker --version",
                "sudo -E SUSEConnect -p sle-module-containers/12/$(uname -m) -r ''",
                "rpm -q curl",
                "rpm -q docker",
                "sudo -E zypper -n in docker",
                "yes no | sudo -E ln -si /usr/sbin/runc /usr/sbin/docker-runc",
                "sudo -E ln -sf /usr/sbin/containerd /usr/sbin/docker-containerd",
                "sudo -E ln -sf /usr/sbin/containerd-shim /usr/sbin/docker-containerd-shim",
                "docker --version",
                "rpm -q yast2-firewall",
                "docker --version",
                "sudo sh -c 'command -v dockerd'",
                SYSTEMD_AUTH,
                "sudo systemctl -f enable docker"));
    assertThat(m.ssh.files().get(DROP_IN)).contains("--storage-driver overlay ");
  }

  @Test
  void openSuse_skipsSuseConnect_btrfsBecomesTheStorageDriver_firewallOpened() {
    FakeMachine m = new FakeMachine(true);
    m.ssh.on("stat -f -c %T /var/lib/docker", 0, "btrfs\n");
    m.ssh.on("rpm -q yast2-firewall", 0, "yast2-firewall-4.0\n");
    OsRelease leap = os("opensuse-leap", "15.5", "suse opensuse");

    Provisioners.detect(leap).provision(m.run(leap, target(engine())));

    assertThat(m.ssh.transcript())
        .noneMatch(c -> c.contains("SUSEConnect"))
        .contains("sudo -E /sbin/yast2 firewall services add ipprotocol=tcp tcpport=2376 zone=EXT");
    assertThat(m.ssh.files().get(DROP_IN)).contains("--storage-driver btrfs ");
  }

  @Test
  void arch_installsSudoCurlAndDockerWithPacman() {
    FakeMachine m =
        new FakeMachine(false).installsDockerWith("pacman -Sy --noconfirm --noprogressbar docker");
    OsRelease arch = os("arch", "", "");

    Provisioners.detect(arch).provision(m.run(arch, target(engine())));

    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            concat(
                "if ! type sudo; then pacman -Sy --noconfirm --noprogressbar sudo; fi",
                HOSTNAME,
                HOSTS,
                "docker --version",
                "sudo -E pacman -Sy --noconfirm --noprogressbar curl",
                "sudo -E pacman -Sy --noconfirm --noprogressbar docker",
                "docker --version",
                "docker --version",
                "sudo sh -c 'command -v dockerd'",
                SYSTEMD_AUTH,
                "sudo systemctl -f enable docker"));
  }

  @Test
  void boot2docker_writesItsProfile_withInitScript() {
    FakeMachine m = new FakeMachine(true);
    OsRelease b2d = os("boot2docker", "19.03.5", "");

    Provisioners.detect(b2d).provision(m.run(b2d, target(specOptions())));

    assertThat(m.ssh.transcript())
        .containsExactly(
            "sudo /usr/bin/sethostname M && echo \"M\" | sudo tee"
                + " /var/lib/boot2docker/etc/hostname",
            PROBE,
            "sudo mkdir -p /var/lib/boot2docker",
            "sudo /etc/init.d/docker stop",
            DOCKER0,
            "write /var/lib/boot2docker/ca.pem 0644, /var/lib/boot2docker/server.pem 0644,"
                + " /var/lib/boot2docker/server-key.pem 0600",
            "write /var/lib/boot2docker/profile 0644",
            "sudo /etc/init.d/docker start",
            PROBE);
    assertThat(m.ssh.files().get("/var/lib/boot2docker/profile"))
        .isEqualTo(
            "\nEXTRA_ARGS='\n--label foo=bar\n--label provider=generic\n--insecure-registry"
                + " r:5000\n--registry-mirror http://m\n--dns=8.8.8.8\n\n'\n"
                + "CACERT=/var/lib/boot2docker/ca.pem\n"
                + "DOCKER_HOST='-H tcp://0.0.0.0:2376'\n"
                + "DOCKER_STORAGE=overlay2\n"
                + "DOCKER_TLS=auto\n"
                + "SERVERKEY=/var/lib/boot2docker/server-key.pem\n"
                + "SERVERCERT=/var/lib/boot2docker/server.pem\n\n"
                + "export \"A=1\"\n\n");
  }

  @Test
  void rancherOs_customInstallUrl_selectsDockerWithWget() {
    FakeMachine m = new FakeMachine(true);
    OsRelease rancher = os("rancheros", "v1.5.8", "");
    EngineOptions options =
        new EngineOptions(
            List.of(),
            null,
            "",
            List.of(),
            false,
            List.of(),
            List.of(),
            "",
            "",
            false,
            true,
            List.of(),
            "https://example.com/docker.sh");

    Provisioners.detect(rancher).provision(m.run(rancher, target(options)));

    assertThat(m.ssh.transcript())
        .containsExactly(
            "sed /127.0.1.1/d /etc/hosts > /tmp/hosts && cat /tmp/hosts | sudo tee /etc/hosts",
            HOSTNAME,
            HOSTS,
            "sudo mkdir -p /var/lib/rancher/conf/cloud-config.d/  \n"
                + "sudo tee /var/lib/rancher/conf/cloud-config.d/machine-hostname.yml << EOF\n"
                + "#cloud-config\n\nhostname: M\nEOF\n",
            "wget -O- https://example.com/docker.sh | sh -",
            "sudo system-docker stop docker",
            DOCKER0,
            "write /var/lib/rancher/conf/ca.pem 0644, /var/lib/rancher/conf/server.pem 0644,"
                + " /var/lib/rancher/conf/server-key.pem 0600",
            "write /var/lib/rancher/conf/docker 0644",
            "sudo system-docker start docker",
            PROBE);
    assertThat(m.ssh.files().get("/var/lib/rancher/conf/docker"))
        .contains("--storage-driver overlay\n");
  }

  @Test
  void rancherOs_refusesOtherStorageDrivers() {
    FakeMachine m = new FakeMachine(true);
    OsRelease rancher = os("rancheros", "v1.5.8", "");
    EngineOptions options =
        engine(List.of(), List.of(), List.of(), List.of(), List.of(), "overlay2", "");

    assertThatThrownBy(
            () -> Provisioners.detect(rancher).provision(m.run(rancher, target(options))))
        .hasMessage("Unsupported storage driver: overlay2");
    assertThat(m.ssh.commands()).isEmpty();
  }

  @Test
  void coreOs_cloudInitHostname_andItsOwnDropIn() {
    FakeMachine m = new FakeMachine(true);
    OsRelease coreos = os("coreos", "2512.3.0", "");

    Provisioners.detect(coreos).provision(m.run(coreos, target(specOptions())));

    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            concat(
                "sudo tee /var/tmp/hostname.yml << EOF\n#cloud-config\n\nhostname: M\nEOF\n",
                "sudo systemctl start system-cloudinit@var-tmp-hostname.yml.service",
                "sudo mkdir -p /etc/docker",
                "docker --version",
                SYSTEMD_AUTH));
    assertThat(m.ssh.files().get(DROP_IN))
        .isEqualTo(
            "[Service]\n"
                + "Environment=TMPDIR=/var/tmp\n"
                + "ExecStart=\n"
                + "ExecStart=/usr/lib/coreos/dockerd  --host=unix:///var/run/docker.sock"
                + " --host=tcp://0.0.0.0:2376 --tlsverify --tlscacert /etc/docker/ca.pem"
                + " --tlscert /etc/docker/server.pem --tlskey /etc/docker/server-key.pem --label"
                + " foo=bar --label provider=generic --insecure-registry r:5000"
                + " --registry-mirror http://m --dns=8.8.8.8 $DOCKER_OPTS $DOCKER_OPT_BIP"
                + " $DOCKER_OPT_MTU $DOCKER_OPT_IPMASQ\n"
                + "Environment=\"A=1\" \n");
  }

  @Test
  void oldDockerClient_runsDockerDaemonInsteadOfDockerd() {
    FakeMachine m = new FakeMachine(true);
    m.dockerVersionOutput = "Docker version 1.11.2, build b9f10c9\n";

    Provisioners.detect(os("ubuntu", "16.04", ""))
        .provision(m.run(os("ubuntu", "16.04", ""), target(engine())));

    assertThat(m.ssh.files().get(DROP_IN))
        .contains("ExecStart=/usr/bin/docker daemon -H tcp://0.0.0.0:2376 ");
    assertThat(m.ssh.transcript()).doesNotContain("sudo sh -c 'command -v dockerd'");
  }
}
