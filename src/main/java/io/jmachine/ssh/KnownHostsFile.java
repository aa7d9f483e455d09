package io.jmachine.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A machine's pinned host keys in OpenSSH's known_hosts format, so that the native client and the
 * system ssh ({@code UserKnownHostsFile}) read and write the same file. Plain and hashed ({@code
 * |1|}) host names are understood; wildcards and markers are not, since only jmachine writes it.
 */
public final class KnownHostsFile {
  /** One pinned key: its type ("ssh-ed25519") and base64 blob, as on a known_hosts line. */
  public record Pin(String keyType, String base64) {
    public String line() {
      return keyType + " " + base64;
    }
  }

  private final Path file;

  public KnownHostsFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  public List<Pin> pinsFor(String host, int port) {
    String name = hostPattern(host, port);
    List<Pin> pins = new ArrayList<>();
    for (String line : lines()) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 3 || fields[0].startsWith("#") || fields[0].startsWith("@")) {
        continue;
      }
      if (matches(fields[0], name)) {
        pins.add(new Pin(fields[1], fields[2]));
      }
    }
    return pins;
  }

  public boolean hasPinFor(String host, int port) {
    return !pinsFor(host, port).isEmpty();
  }

  /** Records a key as OpenSSH would, creating the file readable by its owner only. */
  public synchronized void add(String host, int port, Pin pin) {
    String line = hostPattern(host, port) + " " + pin.line() + "\n";
    try {
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new SshTransportException(
          "Cannot record the host key of " + host + " in " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * An empty 0600 file, so that OpenSSH, which keeps a file's mode, never makes it world-readable.
   */
  public void createPrivateIfMissing() {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // pinned before: keep it as it is
    } catch (IOException e) {
      throw new SshTransportException("Cannot create " + file + ": " + e.getMessage(), e);
    }
  }

  /** OpenSSH's spelling of a host in known_hosts: the bare name on port 22. */
  static String hostPattern(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new SshTransportException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean matches(String patterns, String name) {
    if (patterns.startsWith("|1|")) {
      return hashedMatches(patterns, name);
    }
    for (String pattern : patterns.split(",")) {
      if (pattern.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** |1|base64(salt)|base64(HMAC-SHA1(salt, name)), OpenSSH's HashKnownHosts form. */
  private static boolean hashedMatches(String hashed, String name) {
    String[] parts = hashed.split("\\|");
    if (parts.length != 4) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "HmacSHA1"));
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
