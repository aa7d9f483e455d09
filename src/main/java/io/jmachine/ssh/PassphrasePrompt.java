package io.jmachine.ssh;

import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a private key's passphrase; empty when there is nobody to ask. */
public interface PassphrasePrompt {
  Optional<char[]> passphraseFor(Path key);

  /** Never asks: for scripts and tests. */
  PassphrasePrompt NONE = key -> Optional.empty();

  /** Asks on the controlling terminal without echo, only when there is one. */
  static PassphrasePrompt onTerminal() {
    return key -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(console.readPassword("Enter passphrase for key '%s': ", key));
    };
  }
}
