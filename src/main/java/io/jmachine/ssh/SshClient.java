package io.jmachine.ssh;

import java.util.List;

/**
 * A connection to one machine over SSH. Implementations: native (Apache MINA SSHD, one
 * authenticated session reused for every command) and external (the system's OpenSSH client). A
 * remote command that runs and fails is a result with its exit status; a connection that breaks is
 * an {@link SshTransportException}.
 */
public interface SshClient extends AutoCloseable {
  /** Runs one command (a shell command line) and returns its exit status and combined output. */
  SshResult run(String command);

  /**
   * Runs an interactive shell (no command) or one command with the user's terminal attached, and
   * returns the remote exit status.
   */
  int interactive(List<String> command);

  @Override
  void close();
}
