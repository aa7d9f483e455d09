package io.jmachine.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads a private key file (OpenSSH or PEM; RSA, ECDSA, Ed25519 where the runtime supports it),
 * asking for its passphrase only when there is a terminal to ask on.
 */
final class NativeKeys {
  private NativeKeys() {}

  static List<KeyPair> load(Path key, PassphrasePrompt prompt) {
    KeyFileCheck.requireUsable(key);
    FilePasswordProvider passwords =
        (session, resource, retry) ->
            prompt
                .passphraseFor(key)
                .map(String::new)
                .orElseThrow(
                    () ->
                        new SshTransportException(
                            "The SSH key "
                                + key
                                + " is protected by a passphrase and there is no terminal to ask"
                                + " for it: add it to ssh-agent (ssh-add "
                                + key
                                + ") and do not name a key, or use a key without passphrase"));
    List<KeyPair> pairs = new ArrayList<>();
    try (InputStream in = Files.newInputStream(key)) {
      SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.toString()), in, passwords)
          .forEach(pairs::add);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw unusable(key, e);
    }
    if (pairs.isEmpty()) {
      throw new SshTransportException("The SSH key " + key + " holds no private key");
    }
    return pairs;
  }

  private static SshTransportException unusable(Path key, Exception e) {
    String reason = String.valueOf(e.getMessage());
    if (reason.toLowerCase(Locale.ROOT).contains("ed25519")
        && !SecurityUtils.isEDDSACurveSupported()) {
      return new SshTransportException(
          "The SSH key "
              + key
              + " is an Ed25519 key, which the native SSH client of this build cannot use (no"
              + " EdDSA provider): use the system ssh (leave out --native-ssh) or an RSA or ECDSA"
              + " key",
          e);
    }
    return new SshTransportException("Cannot use the SSH key " + key + ": " + reason, e);
  }
}
