package io.jmachine.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Trust on first use for the native client: the first key a machine shows is recorded in its
 * known_hosts; afterwards only a recorded key is accepted. With pinning off every key is accepted
 * and nothing is recorded, as docker-machine did.
 */
final class PinnedHostKeyVerifier implements ServerKeyVerifier {
  private final SshTarget target;
  private final boolean pinning;
  private final KnownHostsFile knownHosts;
  private volatile List<KnownHostsFile.Pin> refused = List.of();

  PinnedHostKeyVerifier(SshTarget target, boolean pinning) {
    this.target = target;
    this.pinning = pinning;
    this.knownHosts = new KnownHostsFile(target.knownHosts());
  }

  /** The key types pinned for this machine, so that key exchange can prefer them. */
  List<String> pinnedKeyTypes() {
    if (!pinning) {
      return List.of();
    }
    return knownHosts.pinsFor(target.host(), target.port()).stream()
        .map(KnownHostsFile.Pin::keyType)
        .toList();
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    if (!pinning) {
      return true;
    }
    String[] entry = PublicKeyEntry.toString(key).split(" ");
    KnownHostsFile.Pin shown = new KnownHostsFile.Pin(entry[0], entry[1]);
    List<KnownHostsFile.Pin> pins = knownHosts.pinsFor(target.host(), target.port());
    if (pins.isEmpty()) {
      knownHosts.add(target.host(), target.port(), shown);
      return true;
    }
    if (pins.contains(shown)) {
      return true;
    }
    refused = pins;
    return false;
  }

  /** The pins a shown key was refused against; empty while nothing was refused. */
  List<KnownHostsFile.Pin> refusedAgainst() {
    return refused;
  }
}
