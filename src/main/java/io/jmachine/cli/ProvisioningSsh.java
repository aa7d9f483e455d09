package io.jmachine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Which SSH client provisioning uses. The native client carries every provisioning command over one
 * authenticated session, where the system ssh logs in once per command, so it is preferred whenever
 * it can use the machine's key; otherwise (no key named, or an Ed25519 key without an EdDSA
 * provider) docker-machine's choice stands.
 */
final class ProvisioningSsh {
  private ProvisioningSsh() {}

  static boolean nativeCanUse(String keyPath) {
    if (keyPath == null || keyPath.isEmpty()) {
      return false;
    }
    String text;
    try {
      text = Files.readString(Path.of(keyPath), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (!text.contains("BEGIN OPENSSH PRIVATE KEY")) {
      return true; // PEM: RSA, EC or DSA
    }
    String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      String decoded = new String(Base64.getDecoder().decode(body), StandardCharsets.ISO_8859_1);
      return !decoded.contains("ssh-ed25519") || SecurityUtils.isEDDSACurveSupported();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
