package io.jmachine.ssh;

/** Opens an {@link SshClient} to a target; the native one connects on first use. */
public interface SshConnector {
  SshClient open(SshTarget target);
}
