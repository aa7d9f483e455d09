package io.jmachine.ssh;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.SshAgentConstants;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The user's ssh-agent at SSH_AUTH_SOCK, over the JDK's own Unix-domain sockets (MINA's agent
 * client needs the native Tomcat APR library). MINA frames the requests; this only carries them.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
  private final SocketChannel channel;

  UnixSocketAgent(Path socket) throws IOException {
    super(null);
    channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
  }

  /** The agent's keys, skipping kinds this build cannot represent instead of failing on them. */
  @Override
  public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() throws IOException {
    Buffer reply = request(prepare(createBuffer(SshAgentConstants.SSH2_AGENTC_REQUEST_IDENTITIES)));
    if (reply.getUByte() != SshAgentConstants.SSH2_AGENT_IDENTITIES_ANSWER) {
      throw new SshException("ssh-agent refused to list its keys");
    }
    int count = reply.getInt();
    List<Map.Entry<PublicKey, String>> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] blob = reply.getBytes();
      String comment = reply.getString();
      try {
        keys.add(new SimpleImmutableEntry<>(new ByteArrayBuffer(blob).getRawPublicKey(), comment));
      } catch (RuntimeException e) {
        // e.g. an Ed25519 key without EdDSA support: the agent's other keys may still do
      }
    }
    return keys;
  }

  @Override
  protected synchronized Buffer request(Buffer buffer) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
    while (out.hasRemaining()) {
      channel.write(out);
    }
    ByteBuffer length = readFully(4);
    return new ByteArrayBuffer(readFully(length.getInt()).array());
  }

  private ByteBuffer readFully(int size) throws IOException {
    ByteBuffer in = ByteBuffer.allocate(size);
    while (in.hasRemaining()) {
      if (channel.read(in) < 0) {
        throw new SshException("ssh-agent closed the connection");
      }
    }
    return in.flip();
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      channel.close();
    }
  }
}
