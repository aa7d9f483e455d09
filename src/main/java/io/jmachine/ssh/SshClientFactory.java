package io.jmachine.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the client as docker-machine does: the system ssh when one is on PATH and --native-ssh
 * (MACHINE_NATIVE_SSH) is not set, Apache MINA otherwise.
 */
public final class SshClientFactory implements SshConnector {
  private final Optional<String> externalSsh;
  private final SshSettings settings;
  private final Terminal terminal;
  private final PassphrasePrompt prompt;
  private final String agentSocket;

  private SshClientFactory(
      Optional<String> externalSsh,
      SshSettings settings,
      Terminal terminal,
      PassphrasePrompt prompt,
      String agentSocket) {
    this.externalSsh = externalSsh;
    this.settings = settings;
    this.terminal = terminal;
    this.prompt = prompt;
    this.agentSocket = agentSocket;
  }

  /** {@code env} supplies PATH (where ssh is looked up) and SSH_AUTH_SOCK (the agent). */
  public static SshClientFactory choose(
      boolean nativeRequested,
      Map<String, String> env,
      SshSettings settings,
      Terminal terminal,
      PassphrasePrompt prompt) {
    Optional<String> ssh =
        nativeRequested ? Optional.empty() : onPath("ssh", env.getOrDefault("PATH", ""));
    return new SshClientFactory(
        ssh, settings, terminal, prompt, env.getOrDefault("SSH_AUTH_SOCK", ""));
  }

  public boolean isNative() {
    return externalSsh.isEmpty();
  }

  public SshSettings settings() {
    return settings;
  }

  @Override
  public SshClient open(SshTarget target) {
    return externalSsh
        .<SshClient>map(ssh -> new ExternalSshClient(ssh, target, settings))
        .orElseGet(() -> new NativeSshClient(target, settings, terminal, prompt, agentSocket));
  }

  /** The first executable named {@code program} in a PATH value. */
  public static Optional<String> onPath(String program, String path) {
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Optional.of(Path.of(dir, program).toString());
      }
    }
    return Optional.empty();
  }
}
