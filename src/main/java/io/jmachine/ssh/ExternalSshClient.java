package io.jmachine.ssh;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The system's OpenSSH client, one process per command, as docker-machine runs it by default. ssh
 * exits with 255 when the connection fails or drops, which is a transport failure here.
 */
public final class ExternalSshClient implements SshClient {
  private static final int SSH_FAILED = 255;

  private final String sshBinary;
  private final SshTarget target;
  private final SshSettings settings;
  private final List<Process> running = new ArrayList<>();

  public ExternalSshClient(String sshBinary, SshTarget target, SshSettings settings) {
    this.sshBinary = sshBinary;
    this.target = target;
    this.settings = settings;
  }

  /** The full command line for a remote command (empty for a login shell). */
  public List<String> commandLine(List<String> command) {
    if (target.keyPath() != null) {
      KeyFileCheck.requireUsable(target.keyPath());
    }
    KnownHostsFile knownHosts = new KnownHostsFile(target.knownHosts());
    boolean pinned = knownHosts.hasPinFor(target.host(), target.port());
    if (settings.pinHostKeys()) {
      knownHosts.createPrivateIfMissing();
    }
    return ExternalSshArgs.build(
        sshBinary,
        target,
        HostKeyOptions.of(settings.pinHostKeys(), pinned, List.of(target)),
        settings.connectTimeout().toSeconds(),
        command);
  }

  @Override
  public SshResult run(String command) {
    ProcessBuilder builder =
        new ProcessBuilder(commandLine(List.of(command)))
            .redirectErrorStream(true)
            .redirectInput(new File("/dev/null"));
    Process process = start(builder);
    String output;
    try (InputStream in = process.getInputStream()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      output = bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      output = "";
    }
    int status = waitFor(process);
    if (status == SSH_FAILED) {
      throw TransportFailures.fromOpenSsh(target, settings.connectTimeout(), output);
    }
    return new SshResult(status, output);
  }

  @Override
  public int interactive(List<String> command) {
    int status = waitFor(start(new ProcessBuilder(commandLine(command)).inheritIO()));
    if (status == SSH_FAILED) {
      // ssh has told the user why on stderr; a quiet probe finds the fix to name
      run("exit 0");
      throw TransportFailures.dropped(target);
    }
    return status;
  }

  private synchronized Process start(ProcessBuilder builder) {
    try {
      Process process = builder.start();
      running.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + sshBinary + ": " + e.getMessage(), e);
    }
  }

  private int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new SshTransportException("Interrupted while ssh ran on " + target.address(), e);
    } finally {
      synchronized (this) {
        running.remove(process);
      }
    }
  }

  /** Ends a command still running, so a deadline can abandon a hung connection attempt. */
  @Override
  public synchronized void close() {
    running.forEach(Process::destroy);
  }
}
