package io.jmachine.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The user's terminal while a native interactive shell runs: its size for the remote PTY, and raw
 * mode so that keys such as Ctrl-C reach the remote shell. The JDK has no termios, so this asks
 * stty, as other Java terminals without native code do.
 */
final class LocalTty implements AutoCloseable {
  private static final File TTY = new File("/dev/tty");
  private final String saved;

  private LocalTty(String saved) {
    this.saved = saved;
  }

  static LocalTty raw() {
    String saved = stty("-g").strip();
    stty("raw", "-echo");
    return new LocalTty(saved);
  }

  /** {columns, lines}, or 80×24 when the terminal does not say. */
  static int[] size() {
    String[] rowsCols = stty("size").strip().split("\\s+");
    try {
      return new int[] {Integer.parseInt(rowsCols[1]), Integer.parseInt(rowsCols[0])};
    } catch (RuntimeException e) {
      return new int[] {80, 24};
    }
  }

  @Override
  public void close() {
    if (!saved.isEmpty()) {
      stty(saved);
    }
  }

  private static String stty(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectInput(TTY)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
