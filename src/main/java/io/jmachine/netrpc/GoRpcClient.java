package io.jmachine.netrpc;

import io.jmachine.gob.GobDecoder;
import io.jmachine.gob.GobEncoder;
import io.jmachine.gob.GobType;
import io.jmachine.gob.GobType.Basic;
import io.jmachine.gob.GobType.Field;
import io.jmachine.gob.GobType.StructOf;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of Go's net/rpc served over HTTP (rpc.HandleHTTP), with gob encoding. Calls may overlap,
 * as with Go's client: a long Create must not hold up the heartbeat, so replies are matched to
 * calls by sequence number on a reader thread.
 */
public final class GoRpcClient implements Closeable {
  /** The message net/rpc reports for calls on a closed or broken connection. */
  public static final String SHUT_DOWN = "connection is shut down";

  private static final String CONNECTED = "200 Connected to Go RPC";
  private static final StructOf REQUEST =
      StructOf.of(
          "Request", new Field("ServiceMethod", Basic.STRING), new Field("Seq", Basic.UINT));

  /** What net/rpc sends for "no argument": an empty struct. */
  public static final StructOf NO_ARGUMENT = StructOf.of("");

  private final Socket socket;
  private final OutputStream out;
  private final GobEncoder encoder;
  private final GobDecoder decoder;
  private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
  private long nextSeq;
  private volatile String broken;

  private GoRpcClient(Socket socket, InputStream in) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream());
    this.encoder = new GobEncoder(out);
    this.decoder = new GobDecoder(in);
    Thread reader = new Thread(this::readReplies, "go-rpc-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** rpc.DialHTTP: an HTTP CONNECT to /_goRPC_ that turns the connection into an RPC stream. */
  public static GoRpcClient dialHttp(String address) {
    int colon = address.lastIndexOf(':');
    if (address.isEmpty() || colon < 0) {
      throw new RpcException(
          "dial tcp " + address + ": " + (address.isEmpty() ? "missing address" : "missing port"));
    }
    String host = address.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new RpcException("dial tcp " + address + ": invalid port");
    }
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), 10_000);
      OutputStream raw = socket.getOutputStream();
      raw.write("CONNECT /_goRPC_ HTTP/1.0\n\n".getBytes(StandardCharsets.US_ASCII));
      raw.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String statusLine = readLine(in);
      String status =
          statusLine.startsWith("HTTP/")
              ? statusLine.substring(statusLine.indexOf(' ') + 1)
              : statusLine;
      while (!readLine(in).isEmpty()) {
        // headers: net/rpc sends none
      }
      if (!status.equals(CONNECTED)) {
        throw new RpcException(
            "dial-http tcp " + address + ": unexpected HTTP response: " + status);
      }
      return new GoRpcClient(socket, in);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new RpcException("dial tcp " + address + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("unexpected EOF");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
  }

  /** Calls a method and waits for its reply; the server's error becomes an RpcException. */
  public Object call(String serviceMethod, GobType argType, Object arg) {
    try {
      return send(serviceMethod, argType, arg).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted while calling " + serviceMethod, e);
    } catch (ExecutionException e) {
      throw (RpcException) e.getCause();
    }
  }

  /** As {@link #call}, giving up after the timeout (the call may still complete later). */
  public Object call(String serviceMethod, GobType argType, Object arg, long timeoutMillis)
      throws TimeoutException {
    try {
      return send(serviceMethod, argType, arg).get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted while calling " + serviceMethod, e);
    } catch (ExecutionException e) {
      throw (RpcException) e.getCause();
    }
  }

  private CompletableFuture<Object> send(String serviceMethod, GobType argType, Object arg) {
    CompletableFuture<Object> reply = new CompletableFuture<>();
    synchronized (this) {
      if (broken != null) {
        throw new RpcException(broken);
      }
      long seq = nextSeq++;
      pending.put(seq, reply);
      try {
        encoder.encode(REQUEST, Map.of("ServiceMethod", serviceMethod, "Seq", seq));
        encoder.encode(argType, arg);
        out.flush();
      } catch (IOException e) {
        pending.remove(seq);
        throw new RpcException(e.getMessage(), e);
      }
    }
    return reply;
  }

  private void readReplies() {
    try {
      while (true) {
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) decoder.decode();
        Object body = decoder.decode();
        Object seq = header.getOrDefault("Seq", 0L);
        CompletableFuture<Object> reply = pending.remove(((Number) seq).longValue());
        if (reply == null) {
          continue;
        }
        String error = (String) header.getOrDefault("Error", "");
        if (error.isEmpty()) {
          reply.complete(body);
        } else {
          reply.completeExceptionally(new RpcException(error));
        }
      }
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        broken = SHUT_DOWN;
        pending.values().forEach(p -> p.completeExceptionally(new RpcException(SHUT_DOWN, e)));
        pending.clear();
      }
    }
  }

  @Override
  public void close() {
    broken = SHUT_DOWN;
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
