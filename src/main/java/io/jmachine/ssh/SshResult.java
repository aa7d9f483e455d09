package io.jmachine.ssh;

/** What a remote command did: its exit status and its stdout and stderr, interleaved. */
public record SshResult(int exitStatus, String output) {
  public boolean succeeded() {
    return exitStatus == 0;
  }
}
