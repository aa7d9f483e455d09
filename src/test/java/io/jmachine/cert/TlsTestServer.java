package io.jmachine.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLServerSocket;

/**
 * A stand-in for a Docker daemon's TLS port on 127.0.0.1: accepts connections until closed and
 * handles each with a given behaviour (a TLS handshake requiring a client certificate, garbage, or
 * silence).
 */
final class TlsTestServer implements AutoCloseable {
  interface Behaviour {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Thread acceptor;

  private TlsTestServer(ServerSocket serverSocket, Behaviour behaviour) {
    this.serverSocket = serverSocket;
    this.acceptor = new Thread(() -> acceptUntilClosed(behaviour), "tls-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Like dockerd with --tlsverify: a client certificate signed by the trusted CA is required. */
  static TlsTestServer requiringClientCertificates(TlsCredentials daemonCredentials)
      throws IOException {
    SSLServerSocket socket =
        (SSLServerSocket)
            daemonCredentials
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(true);
    return new TlsTestServer(socket, TlsTestServer::handshakeThenDrain);
  }

  /** A port that answers with plain HTTP, as a daemon listening without TLS. */
  static TlsTestServer speakingPlainHttp() throws IOException {
    return new TlsTestServer(
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        socket -> {
          OutputStream out = socket.getOutputStream();
          out.write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        });
  }

  /** Accepts, then says nothing until the client gives up. */
  static TlsTestServer silent() throws IOException {
    return new TlsTestServer(
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), TlsTestServer::drain);
  }

  String hostPort() {
    return "127.0.0.1:" + serverSocket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }

  private void acceptUntilClosed(Behaviour behaviour) {
    while (!serverSocket.isClosed()) {
      try (Socket socket = serverSocket.accept()) {
        behaviour.serve(socket);
      } catch (IOException e) {
        // a failed handshake is what several tests are about; the client reports it
      }
    }
  }

  private static void handshakeThenDrain(Socket socket) throws IOException {
    ((javax.net.ssl.SSLSocket) socket).startHandshake();
    drain(socket);
  }

  private static void drain(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    while (in.read() >= 0) {
      // wait for the client to hang up
    }
  }
}
