package io.jmachine.provision;

import static io.jmachine.provision.FakeMachine.engine;
import static io.jmachine.provision.FakeMachine.os;
import static io.jmachine.provision.FakeMachine.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.engine.EngineOptions;
import io.jmachine.ssh.SshResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install strategies and upgrade, as remote commands. */
class StrategyTranscriptTest {
  private static final OsRelease DEBIAN = os("debian", "12", "");
  private static final String MADISON =
      "  docker.io | 20.10.24+dfsg1-1+deb12u1+b6 | http://deb.debian.org/debian bookworm/main"
          + " amd64 Packages\n";
  @TempDir Path dir;

  @Test
  void none_withoutDocker_failsSayingWhatToDo() {
    FakeMachine m = new FakeMachine(false);

    assertThatThrownBy(
            () -> Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine("none")))))
        .hasMessage(
            "Docker is not installed on M and its install strategy is \"none\": install Docker"
                + " there first, or create the machine with --engine-install-strategy script or"
                + " distro");
    assertThat(m.ssh.commands())
        .noneMatch(c -> c.contains("sudo apt-get update") || c.contains("curl"));
  }

  @Test
  void none_withDocker_justConfiguresIt() {
    FakeMachine m = new FakeMachine(true);

    Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine("none"))));

    assertThat(m.info).doesNotContain("Installing Docker...");
    assertThat(m.ssh.transcript()).contains("sudo systemctl -f start docker");
  }

  @Test
  void version_fromTheDistribution_pinsThePackage() {
    FakeMachine m =
        new FakeMachine(false)
            .installsDockerWith("apt-get install -y --allow-downgrades docker.io=20.10.24");
    m.dockerVersionOutput = "Docker version 20.10.24+dfsg1, build 297e128\n";
    m.ssh.on("apt-cache madison docker.io", 0, MADISON);

    Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine("version:20.10.24"))));

    assertThat(m.ssh.transcript())
        .containsSubsequence(
            "docker --version",
            "apt-cache madison docker.io",
            "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y --allow-downgrades"
                + " docker.io=20.10.24+dfsg1-1+deb12u1+b6",
            "docker --version",
            "docker --version",
            "sudo sh -c 'command -v dockerd'");
  }

  @Test
  void version_alreadyInstalled_isLeftAlone() {
    FakeMachine m = new FakeMachine(true);
    m.dockerVersionOutput = "Docker version 20.10.24+dfsg1, build 297e128\n";

    Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine("version:20.10"))));

    assertThat(m.ssh.transcript())
        .noneMatch(c -> c.contains("madison") || c.contains("sudo -E apt-get install"));
  }

  @Test
  void version_theDistributionLacks_fallsBackToTheScriptWithVERSION() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("curl -fsSL");
    m.dockerVersionOutput = "Docker version 24.0.7, build afdd53b\n";
    m.ssh.on("apt-cache madison docker.io", 0, MADISON);

    Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine("version:24.0"))));

    assertThat(m.ssh.transcript())
        .containsSubsequence(
            "apt-cache madison docker.io",
            "sudo apt-get update",
            "apt-cache madison docker.io",
            "sudo apt-get update",
            "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  curl",
            "T=$(mktemp) || exit 1; curl -fsSL https://get.docker.com -o \"$T\" &&"
                + " VERSION=24.0 sh \"$T\"; S=$?; rm -f \"$T\"; exit $S");
    assertThat(m.info).contains("Installing Docker...");
  }

  @Test
  void version_installedButDifferent_afterInstallIsAnError() {
    FakeMachine m = new FakeMachine(false).installsDockerWith("curl -fsSL");
    m.dockerVersionOutput = "Docker version 25.0.1, build x\n";

    assertThatThrownBy(
            () ->
                Provisioners.detect(DEBIAN)
                    .provision(m.run(DEBIAN, target(engine("version:24.0")))))
        .hasMessage(
            "Docker 24.0 was requested but the machine has Docker 25.0.1 after installing it");
  }

  @Test
  void file_copiesTheUsersScriptAndRunsItAsRoot() throws Exception {
    Path script =
        Files.writeString(dir.resolve("my-docker.sh"), "#!/bin/sh\napt-get install -y docker.io\n");
    FakeMachine m = new FakeMachine(false).installsDockerWith("sudo sh /var/tmp/");

    Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine("file:" + script))));

    assertThat(m.ssh.transcript())
        .containsSubsequence(
            "docker --version",
            "write /var/tmp/jmachine-install-docker.sh 0700",
            "sudo sh /var/tmp/jmachine-install-docker.sh",
            "docker --version");
    assertThat(m.ssh.files().get("/var/tmp/jmachine-install-docker.sh"))
        .isEqualTo("#!/bin/sh\napt-get install -y docker.io\n");
  }

  @Test
  void script_thatInstallsNothing_isReported() {
    FakeMachine m = new FakeMachine(false);

    assertThatThrownBy(() -> Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine()))))
        .hasMessageStartingWith("step \"Checking the installed Docker\" failed")
        .hasMessageEndingWith(
            "Docker is still missing after installing it with the install script");
  }

  @Test
  void upgrade_distro_upgradesDockerIoThenRestarts() {
    FakeMachine m = new FakeMachine(true);

    Provisioners.detect(DEBIAN).upgrade(m.run(DEBIAN, target(engine("distro"))));

    assertThat(m.ssh.transcript())
        .containsExactly(
            "sudo apt-get update",
            "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  docker.io",
            "sudo systemctl daemon-reload",
            "sudo systemctl -f restart docker",
            ProvisionerTranscriptTest.PROBE);
    assertThat(m.info).containsExactly("Upgrading docker...", "Restarting docker...");
  }

  @Test
  void upgrade_script_rerunsTheMachinesOwnInstallUrl() {
    FakeMachine m = new FakeMachine(true);
    EngineOptions custom =
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
            "https://releases.example.com/install-docker/20.10.sh");

    Provisioners.detect(DEBIAN).upgrade(m.run(DEBIAN, target(custom)));

    assertThat(m.ssh.transcript())
        .containsExactly(
            "sudo apt-get update",
            "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y  curl",
            "T=$(mktemp) || exit 1; curl -fsSL"
                + " https://releases.example.com/install-docker/20.10.sh -o \"$T\" && sh \"$T\";"
                + " S=$?; rm -f \"$T\"; exit $S",
            "sudo systemctl daemon-reload",
            "sudo systemctl -f restart docker",
            ProvisionerTranscriptTest.PROBE);
  }

  @Test
  void upgrade_none_onlyRestarts() {
    FakeMachine m = new FakeMachine(true);

    Provisioners.detect(DEBIAN).upgrade(m.run(DEBIAN, target(engine("none"))));

    assertThat(m.ssh.transcript()).noneMatch(c -> c.contains("sudo apt-get update"));
    assertThat(m.info)
        .containsExactly(
            "Upgrading docker...",
            "Docker on M is installed by other means (install strategy none); not upgrading it.",
            "Restarting docker...");
  }

  @Test
  void dockerdThatWillNotStart_errorCarriesTheDaemonsLog() {
    FakeMachine m = new FakeMachine(true);
    m.ssh.on(
        "sudo systemctl -f start docker",
        1,
        "Job for docker.service failed because the control process exited with error code.\n");
    m.ssh.on(
        "sudo journalctl -u docker -n 30 --no-pager", 0, "dockerd[123]: unknown flag: --bogus\n");

    assertThatThrownBy(() -> Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine()))))
        .hasMessage(
            "step \"Starting Docker\" failed\n"
                + "command : sudo systemctl -f start docker\n"
                + "err     : exit status 1\n"
                + "output  : Job for docker.service failed because the control process exited with"
                + " error code.\n"
                + "daemon log (sudo journalctl -u docker -n 30 --no-pager):\n"
                + "dockerd[123]: unknown flag: --bogus");
    assertThat(m.ssh.transcript())
        .containsSubsequence(
            "sudo systemctl -f start docker",
            "sudo systemctl reset-failed docker",
            "sudo systemctl -f start docker",
            "sudo journalctl -u docker -n 30 --no-pager");
  }

  @Test
  void daemonNeverListens_afterTenProbes_showsTheLog() {
    FakeMachine m = new FakeMachine(true);
    m.ssh.on(ProvisionerTranscriptTest.PROBE, 0, "LISTEN 0 4096 *:22 *:*\n");
    m.ssh.on("sudo journalctl -u docker -n 30 --no-pager", 0, "dockerd: listening on fd only\n");

    assertThatThrownBy(() -> Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(engine()))))
        .hasMessage(
            "Unable to verify the Docker daemon is listening: Maximum number of retries (10)"
                + " exceeded\n"
                + "daemon log (sudo journalctl -u docker -n 30 --no-pager):\n"
                + "dockerd: listening on fd only");
    assertThat(m.ssh.commands().stream().filter(ProvisionerTranscriptTest.PROBE::equals))
        .hasSize(10);
  }

  @Test
  void secondProvisioning_issuesTheSameCommands() {
    FakeMachine first = new FakeMachine(true);
    FakeMachine second = new FakeMachine(true);
    second.ssh.onContaining("sha256sum", 0, "unchanged\n");

    Provisioners.detect(DEBIAN).provision(first.run(DEBIAN, target(engine())));
    Provisioners.detect(DEBIAN).provision(second.run(DEBIAN, target(engine())));

    assertThat(second.ssh.commands()).isEqualTo(first.ssh.commands());
    assertThat(second.certificates.freshRequests).containsExactly(false);
  }

  @Test
  void regenerate_asksForAFreshCertificate_andSkipsInstallAndHostname() {
    FakeMachine m = new FakeMachine(true);

    Provisioners.detect(DEBIAN)
        .regenerateCertificates(
            new ProvisionRun(m.shell(), target(engine()), DEBIAN, m.certificates, true));

    assertThat(m.certificates.freshRequests).containsExactly(true);
    assertThat(m.ssh.transcript())
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                        "docker --version", "sudo sh -c 'command -v dockerd'"),
                    ProvisionerTranscriptTest.SYSTEMD_AUTH.stream())
                .toList());
  }

  @Test
  void invalidOptions_areRefusedBeforeDockerIsStopped() {
    FakeMachine m = new FakeMachine(true);
    EngineOptions bad = engine(List.of("a\nb"), List.of(), List.of(), List.of(), List.of(), "", "");

    assertThatThrownBy(() -> Provisioners.detect(DEBIAN).provision(m.run(DEBIAN, target(bad))))
        .hasMessageStartingWith("Invalid --engine-label");
    assertThat(m.ssh.commands()).doesNotContain("sudo systemctl -f stop docker");
  }

  static SshResult ok() {
    return new SshResult(0, "");
  }
}
