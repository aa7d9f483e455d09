package io.jmachine.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.io.input.NoCloseInputStream;
import org.apache.sshd.common.util.io.output.NoCloseOutputStream;

/**
 * Apache MINA SSHD: one authenticated session, opened on first use and shared by every command
 * until {@link #close}, so a sequence of commands costs one handshake.
 */
public final class NativeSshClient implements SshClient {
  /** Shell convention for a command killed by a signal: 128 + the signal's number. */
  private static final Map<String, Integer> SIGNALS =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("ILL", 4),
          Map.entry("ABRT", 6),
          Map.entry("FPE", 8),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("SEGV", 11),
          Map.entry("USR2", 12),
          Map.entry("PIPE", 13),
          Map.entry("ALRM", 14),
          Map.entry("TERM", 15));

  private final SshTarget target;
  private final SshSettings settings;
  private final Terminal terminal;
  private final PassphrasePrompt prompt;
  private final String agentSocket;
  private final Object connecting = new Object();
  private volatile NativeSessions.Opened opened;
  private volatile boolean closed;

  /** {@code agentSocket} is SSH_AUTH_SOCK, "" when no agent runs. */
  public NativeSshClient(
      SshTarget target,
      SshSettings settings,
      Terminal terminal,
      PassphrasePrompt prompt,
      String agentSocket) {
    this.target = target;
    this.settings = settings;
    this.terminal = terminal;
    this.prompt = prompt;
    this.agentSocket = agentSocket;
  }

  /** The session, opened now if there is none yet or the last one broke. */
  private ClientSession session() {
    synchronized (connecting) {
      NativeSessions.Opened current = opened;
      if (current != null && current.session().isOpen()) {
        return current.session();
      }
      if (current != null) {
        current.close();
      }
      NativeSessions.Opened fresh = NativeSessions.open(target, settings, prompt, agentSocket);
      opened = fresh;
      if (closed) {
        fresh.close(); // closed by another thread while connecting: a deadline gave up on us
        throw TransportFailures.dropped(target);
      }
      return fresh.session();
    }
  }

  @Override
  public SshResult run(String command) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream output = new SynchronizedOutput(bytes);
    try (ChannelExec channel = session().createExecChannel(command)) {
      channel.setOut(output);
      channel.setErr(output);
      channel.open().verify(settings.connectTimeout());
      channel.getInvertedIn().close(); // no input: the command sees end of file
      int status = awaitExit(channel);
      return new SshResult(status, bytes.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public int interactive(List<String> command) {
    ClientSession session = session();
    try (PtyCapableChannelSession channel = channelFor(session, command)) {
      channel.setIn(new NoCloseInputStream(terminal.in()));
      channel.setOut(new NoCloseOutputStream(terminal.out()));
      channel.setErr(new NoCloseOutputStream(terminal.err()));
      boolean pty = terminal.tty() && command.isEmpty();
      channel.setUsePty(pty);
      if (!pty) {
        channel.open().verify(settings.connectTimeout());
        return awaitExit(channel);
      }
      int[] size = LocalTty.size();
      channel.setPtyType("xterm");
      channel.setPtyColumns(size[0]);
      channel.setPtyLines(size[1]);
      LocalTty raw = LocalTty.raw();
      try {
        channel.open().verify(settings.connectTimeout());
        WindowChanges resizes = WindowChanges.watch(() -> followResize(channel));
        try {
          return awaitExit(channel);
        } finally {
          resizes.close();
        }
      } finally {
        raw.close();
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Tells the remote PTY the local terminal's new size, as OpenSSH's client does. */
  private static void followResize(PtyCapableChannelSession channel) {
    int[] size = LocalTty.size();
    try {
      channel.sendWindowChange(size[0], size[1]);
    } catch (IOException e) {
      // the session is ending; there is nothing left to resize
    }
  }

  /** A login shell, or the words of one command joined as docker-machine joins them. */
  private static PtyCapableChannelSession channelFor(ClientSession session, List<String> command)
      throws IOException {
    if (command.isEmpty()) {
      return session.createShellChannel();
    }
    return session.createExecChannel(String.join(" ", command));
  }

  private int awaitExit(ClientChannel channel) {
    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0L);
    Integer status = channel.getExitStatus();
    if (status != null) {
      return status;
    }
    String signal = channel.getExitSignal();
    if (signal != null) {
      return 128 + SIGNALS.getOrDefault(signal, 0);
    }
    throw TransportFailures.dropped(target);
  }

  private SshTransportException failure(IOException e) {
    NativeSessions.Opened current = opened;
    if (current == null || !current.session().isOpen()) {
      return TransportFailures.dropped(target);
    }
    return new SshTransportException(
        "SSH to " + target.address() + " failed: " + e.getMessage(), e);
  }

  /** Never waits for a connection attempt in progress; that one closes itself when done. */
  @Override
  public void close() {
    closed = true;
    NativeSessions.Opened current = opened;
    if (current != null) {
      current.close();
    }
  }

  /** stdout and stderr arrive on different threads; both go into one buffer. */
  private static final class SynchronizedOutput extends OutputStream {
    private final OutputStream delegate;

    SynchronizedOutput(OutputStream delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      delegate.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      delegate.write(b, off, len);
    }
  }
}
