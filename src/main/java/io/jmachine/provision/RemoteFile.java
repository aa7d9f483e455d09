package io.jmachine.provision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A file to put on a machine as root. Its content travels base64-encoded, so no shell quoting can
 * alter it (docker-machine pasted PEMs and unit files into {@code printf} arguments); it is written
 * to a temporary file with restrictive permissions and renamed into place, and left untouched when
 * the machine already has exactly this content.
 */
public record RemoteFile(String path, byte[] content, String mode) {

  public static RemoteFile of(String path, String content, String mode) {
    return new RemoteFile(path, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  /** The single remote command that writes all {@code files}; prints "unchanged PATH" per skip. */
  public static String command(List<RemoteFile> files) {
    StringBuilder s = new StringBuilder();
    for (RemoteFile f : files) {
      if (s.length() > 0) {
        s.append(" && ");
      }
      s.append(f.writeCommand());
    }
    return s.toString();
  }

  /** How the command is shown in messages: without the file contents. */
  public static String shown(List<RemoteFile> files) {
    StringBuilder s = new StringBuilder("write");
    for (RemoteFile f : files) {
      s.append(' ').append(f.path()).append(" (").append(f.content().length).append(" bytes)");
    }
    return s.toString();
  }

  private String writeCommand() {
    String p = ShellQuote.quote(path);
    String encoded = Base64.getEncoder().encodeToString(content);
    return "{ if echo '"
        + sha256()
        + "  '"
        + p
        + " | sudo sha256sum -c --status >/dev/null 2>&1; then echo unchanged "
        + p
        + "; else printf %s '"
        + encoded
        + "' | sudo sh -c 'mkdir -p \"$(dirname \"$2\")\" && umask 077 && base64 -d > \"$2.tmp\""
        + " && chmod \"$1\" \"$2.tmp\" && mv -f \"$2.tmp\" \"$2\"' sh "
        + mode
        + " "
        + p
        + "; fi; }";
  }

  private String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RemoteFile f
        && f.path.equals(path)
        && f.mode.equals(mode)
        && java.util.Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + java.util.Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "RemoteFile[" + path + ", " + content.length + " bytes, " + mode + "]";
  }
}
