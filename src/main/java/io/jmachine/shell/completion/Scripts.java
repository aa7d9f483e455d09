package io.jmachine.shell.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers the script renderers share. */
final class Scripts {
  private Scripts() {}

  /** A script part stored next to this class. */
  static String resource(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String words(List<String> words) {
    return String.join(" ", words);
  }

  /** Every name of every flag, in order. */
  static List<String> names(List<CompletionModel.Flag> flags) {
    return flags.stream().flatMap(f -> f.names().stream()).collect(Collectors.toList());
  }

  /** A string in POSIX single quotes. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
