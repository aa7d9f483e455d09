package io.jmachine.provision;

import io.jmachine.auth.AuthOptions;
import io.jmachine.engine.EngineOptions;
import io.jmachine.fakes.FakeSshClient;
import io.jmachine.ssh.SshResult;
import io.jmachine.swarm.SwarmOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fake machine for transcript tests: a {@link FakeSshClient} that behaves like a host on which
 * Docker appears once something installed it, and a provisioning run against it.
 */
final class FakeMachine {
  static final String NAME = "M";
  static final String DOCKER_VERSION_OUT = "Docker version 24.0.7, build afdd53b\n";
  static final String LISTENING =
      "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
          + "LISTEN 0      4096               *:2376            *:*\n";

  final FakeSshClient ssh = new FakeSshClient();
  final List<String> info = new ArrayList<>();
  final List<Duration> pauses = new ArrayList<>();
  final FakeCertificates certificates = new FakeCertificates();
  private boolean dockerInstalled;
  String dockerVersionOutput = DOCKER_VERSION_OUT;

  FakeMachine(boolean docker) {
    dockerInstalled = docker;
    ssh.when(
        "docker --version"::equals,
        c ->
            dockerInstalled
                ? new SshResult(0, dockerVersionOutput)
                : new SshResult(127, "bash: line 1: docker: command not found\n"));
    ssh.on("sudo sh -c 'command -v dockerd'", 0, "/usr/bin/dockerd\n");
    ssh.on(Provisioner.PORT_PROBE, 0, LISTENING);
  }

  /** Docker counts as installed once a command containing {@code fragment} ran. */
  FakeMachine installsDockerWith(String fragment) {
    ssh.when(
        c -> c.contains(fragment),
        c -> {
          dockerInstalled = true;
          return new SshResult(0, "");
        });
    return this;
  }

  RemoteShell shell() {
    return new RemoteShell(ssh, pauses::add, info::add);
  }

  ProvisionRun run(OsRelease os, ProvisionTarget target) {
    return new ProvisionRun(shell(), target, os, certificates, false);
  }

  static OsRelease os(String id, String versionId, String idLike) {
    return OsRelease.parse(
        "NAME=\"Test\"\nID="
            + id
            + "\nVERSION_ID=\""
            + versionId
            + "\"\n"
            + (idLike.isEmpty() ? "" : "ID_LIKE=\"" + idLike + "\"\n"));
  }

  static ProvisionTarget target(EngineOptions engine) {
    return new ProvisionTarget(
        NAME,
        "generic",
        "10.0.0.9",
        2376,
        engine,
        SwarmOptions.fromJson(java.util.Map.of()),
        AuthOptions.fromJson(java.util.Map.of()),
        InstallStrategy.parse(engine.installStrategy(), engine.installUrl()));
  }

  static EngineOptions engine() {
    return engine(List.of(), List.of(), List.of(), List.of(), List.of(), "", "");
  }

  static EngineOptions engine(String strategy) {
    return engine(List.of(), List.of(), List.of(), List.of(), List.of(), "", strategy);
  }

  static EngineOptions engine(
      List<String> labels,
      List<String> env,
      List<String> opts,
      List<String> insecure,
      List<String> mirrors,
      String storageDriver,
      String strategy) {
    return new EngineOptions(
        opts,
        null,
        "",
        env,
        false,
        insecure,
        labels,
        "",
        storageDriver,
        false,
        true,
        mirrors,
        EngineOptions.DEFAULT_INSTALL_URL,
        strategy);
  }

  /** Fixed PEM texts; records whether a fresh certificate was asked for. */
  static final class FakeCertificates implements LocalCertificates {
    int copies;
    final List<Boolean> freshRequests = new ArrayList<>();

    @Override
    public void copyToMachineDirectory() {
      copies++;
    }

    @Override
    public ServerMaterial serverCertificate(String machineIp, boolean fresh) {
      freshRequests.add(fresh);
      return new ServerMaterial("CA PEM\n", "SERVER PEM\n", "SERVER KEY\n", fresh);
    }
  }

  static Optional<InstallStrategy> none() {
    return Optional.empty();
  }
}
