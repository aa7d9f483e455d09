package io.jmachine.ssh;

import io.jmachine.testhost.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;

/** The two SSH clients under test, built the way the CLI builds them. */
enum Clients {
  NATIVE,
  EXTERNAL;

  SshClient open(SshTarget target) {
    return open(target, SshSettings.defaults(true), PassphrasePrompt.NONE, "");
  }

  SshClient open(
      SshTarget target, SshSettings settings, PassphrasePrompt prompt, String agentSocket) {
    if (this == EXTERNAL) {
      return new ExternalSshClient("ssh", target, settings);
    }
    Terminal quiet =
        new Terminal(
            InputStream.nullInputStream(),
            new ByteArrayOutputStream(),
            new ByteArrayOutputStream(),
            false);
    return new NativeSshClient(target, settings, quiet, prompt, agentSocket);
  }

  /** Logs in to a test host as {@code user} with {@code key}, pinning into {@code dir}. */
  static SshTarget target(TestHost host, String user, Path key, Path dir) {
    return new SshTarget(host.ip(), host.sshPort(), user, key, dir.resolve("known_hosts"));
  }

  /** Counts the logins sshd has accepted so far, from its journal inside the host. */
  static int acceptedLogins(TestHost host) {
    String journal = host.exec("journalctl", "-u", "ssh", "--no-pager", "-q").stdout();
    return (int) journal.lines().filter(l -> l.contains("Accepted publickey")).count();
  }
}
