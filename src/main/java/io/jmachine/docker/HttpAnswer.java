package io.jmachine.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The answer to one HTTP/1.0 request, e.g. status 404 and status text "404 Not Found": the server
 * closes the connection after it, so the body is everything after the headers (up to Content-Length
 * when given). Enough for an engine's small JSON answers; bounded so that a misbehaving endpoint
 * cannot fill the memory.
 */
record HttpAnswer(int status, String statusText, String body) {
  private static final int MAX_BYTES = 1 << 20;

  static HttpAnswer read(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return parse(readAll(socket.getInputStream()));
  }

  static HttpAnswer parse(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int headersEnd = text.indexOf("\r\n\r\n");
    if (headersEnd < 0) {
      throw new IOException("malformed HTTP response: no end of headers");
    }
    String[] lines = text.substring(0, headersEnd).split("\r\n");
    String statusLine = lines[0];
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("malformed HTTP response \"" + statusLine + "\"");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("malformed HTTP status code \"" + parts[1] + "\"", e);
    }
    int bodyStart = headersEnd + 4;
    int bodyEnd = bytes.length;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].toLowerCase(Locale.ROOT);
      if (line.startsWith("transfer-encoding:") && !line.endsWith("identity")) {
        throw new IOException("unexpected transfer encoding in an HTTP/1.0 answer: " + lines[i]);
      }
      if (line.startsWith("content-length:")) {
        bodyEnd = Math.min(bodyEnd, bodyStart + contentLength(lines[i]));
      }
    }
    String body = new String(bytes, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
    return new HttpAnswer(status, parts.length == 3 ? parts[1] + " " + parts[2] : parts[1], body);
  }

  private static int contentLength(String header) throws IOException {
    try {
      return Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
    } catch (NumberFormatException e) {
      throw new IOException("malformed Content-Length \"" + header + "\"", e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      if (out.size() > MAX_BYTES) {
        throw new IOException("HTTP response larger than " + MAX_BYTES + " bytes");
      }
    }
    return out.toByteArray();
  }
}
