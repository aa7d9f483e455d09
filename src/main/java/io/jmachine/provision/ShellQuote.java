package io.jmachine.provision;

import java.util.regex.Pattern;

/** POSIX shell quoting for words that go into remote command lines. */
public final class ShellQuote {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellQuote() {}

  /** The word as is when the shell would leave it alone, else single-quoted. */
  public static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
