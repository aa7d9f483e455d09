package io.jmachine.shell;

/** Quoting for the shells the tests type into. */
public final class ShellQuote {
  private ShellQuote() {}

  /** POSIX shells (bash, zsh): single quotes. */
  public static String posix(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** fish: single quotes, where backslash and quote are escaped. */
  public static String fish(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
