package io.jmachine.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens one authenticated Apache MINA session: keys or the ssh-agent, the pinned host key,
 * keep-alives, and connect and authentication each bounded by the connect timeout. Failures come
 * out as {@link SshTransportException}s that say what went wrong.
 */
final class NativeSessions {
  /** Like ServerAliveInterval: a silently vanished host is noticed within about a minute. */
  private static final Duration KEEPALIVE = Duration.ofSeconds(15);

  private static final int KEEPALIVE_MISSES = 3;

  static {
    // MINA would route its crypto through BouncyCastle when it is on the class path (it is, for
    // certificates); the JDK's providers do all SSH needs here, and skipping BC's registration
    // saves over a second on the first connection
    SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.BOUNCY_CASTLE, true);
  }

  private NativeSessions() {}

  /** A started MINA client and its session; closing stops both. */
  record Opened(SshClient client, ClientSession session) implements AutoCloseable {
    @Override
    public void close() {
      try {
        session.close(true);
      } finally {
        client.stop();
      }
    }
  }

  static Opened open(
      SshTarget target, SshSettings settings, PassphrasePrompt prompt, String agentSocket) {
    List<KeyPair> keys =
        target.keyPath() == null ? List.of() : NativeKeys.load(target.keyPath(), prompt);
    if (keys.isEmpty() && agentSocket.isEmpty()) {
      throw new SshTransportException(
          "No SSH key is set for "
              + target.address()
              + " and no ssh-agent runs (SSH_AUTH_SOCK is not set): name a key or start an agent");
    }
    PinnedHostKeyVerifier verifier = new PinnedHostKeyVerifier(target, settings.pinHostKeys());
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(verifier);
    client.setKeyExchangeFactories(withoutSlowKex(client.getKeyExchangeFactories()));
    client.setSignatureFactories(
        preferPinned(client.getSignatureFactories(), verifier.pinnedKeyTypes()));
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, KEEPALIVE);
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, KEEPALIVE_MISSES);
    CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.connectTimeout());
    if (keys.isEmpty()) {
      client.setAgentFactory(new UnixSocketAgentFactory(Path.of(agentSocket)));
    }
    client.start();
    ClientSession session = null;
    try {
      session =
          client
              .connect(target.user(), target.host(), target.port())
              .verify(settings.connectTimeout())
              .getSession();
    } catch (IOException e) {
      client.stop();
      throw connectFailure(target, settings.connectTimeout(), e);
    }
    try {
      keys.forEach(session::addPublicKeyIdentity);
      session.auth().verify(settings.connectTimeout());
      return new Opened(client, session);
    } catch (IOException e) {
      new Opened(client, session).close();
      if (!verifier.refusedAgainst().isEmpty()) {
        throw hostKeyRefused(target, verifier.refusedAgainst(), client);
      }
      throw authFailure(target, settings.connectTimeout(), e);
    }
  }

  /**
   * Puts the algorithms of the machine's pinned key types first, so that the server presents a key
   * that can be checked against the pin (OpenSSH orders its host-key algorithms the same way).
   */
  static List<NamedFactory<Signature>> preferPinned(
      List<NamedFactory<Signature>> factories, List<String> pinnedTypes) {
    List<NamedFactory<Signature>> ordered = new ArrayList<>(factories);
    ordered.sort(
        Comparator.comparing(
            f -> !pinnedTypes.contains(KeyUtils.getCanonicalKeyType(f.getName()))));
    return ordered;
  }

  /**
   * Drops the post-quantum hybrid sntrup761, which OpenSSH 9 prefers but which takes seconds in
   * pure Java; curve25519 and ECDH remain, as fast here as in OpenSSH.
   */
  private static List<KeyExchangeFactory> withoutSlowKex(List<KeyExchangeFactory> factories) {
    return factories.stream().filter(f -> !f.getName().startsWith("sntrup")).toList();
  }

  /**
   * A changed key, unless the pins are all of types this client cannot check (an Ed25519 pin
   * recorded by the system ssh, without an EdDSA provider here): then say that instead.
   */
  private static SshTransportException hostKeyRefused(
      SshTarget target, List<KnownHostsFile.Pin> pins, SshClient client) {
    List<String> checkable =
        client.getSignatureFactories().stream()
            .map(f -> KeyUtils.getCanonicalKeyType(f.getName()))
            .toList();
    if (pins.stream().noneMatch(p -> checkable.contains(p.keyType()))) {
      return new SshTransportException(
          "The host key pinned for "
              + target.address()
              + " in "
              + target.knownHosts()
              + " is of a type the native SSH client cannot check ("
              + pins.get(0).keyType()
              + "): use the system ssh (leave out --native-ssh), or delete that file to pin"
              + " again");
    }
    return TransportFailures.hostKeyChanged(target);
  }

  private static SshTransportException connectFailure(
      SshTarget target, Duration timeout, IOException e) {
    // NIO reports an unreachable host as a ConnectException too, so the reason decides
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
        return TransportFailures.refused(target);
      }
    }
    return TransportFailures.unreachable(target, timeout);
  }

  private static SshTransportException authFailure(
      SshTarget target, Duration timeout, IOException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("no more authentication methods")) {
      return TransportFailures.authFailed(target);
    }
    if (e instanceof SocketTimeoutException || message.contains("timeout")) {
      return new SshTransportException(
          "SSH handshake with "
              + target.address()
              + " did not finish within "
              + timeout.toSeconds()
              + " s",
          e);
    }
    return new SshTransportException(
        "SSH handshake with " + target.address() + " failed: " + e.getMessage(), e);
  }
}
