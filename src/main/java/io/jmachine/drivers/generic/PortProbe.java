package io.jmachine.drivers.generic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether something accepts TCP connections at host:port within a timeout. */
@FunctionalInterface
public interface PortProbe {
  boolean answers(String host, int port, Duration timeout);

  PortProbe TCP =
      (host, port, timeout) -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
          return true;
        } catch (IOException | IllegalArgumentException e) {
          return false;
        }
      };
}
