package io.jmachine.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A private tmux server (its own socket) to type into a terminal program and read its screen. */
final class Tmux {
  private final Path socket;

  Tmux(Path socket) {
    this.socket = socket;
  }

  String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  /** Waits up to 30 s until the screen shows {@code text}. */
  void waitFor(String text) throws IOException, InterruptedException {
    waitFor(text, 300);
  }

  private void waitFor(String text, int polls) throws IOException, InterruptedException {
    String screen = "";
    for (int i = 0; i < polls; i++) {
      screen = run("capture-pane", "-p", "-t", "t");
      if (screen.contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("screen never showed \"" + text + "\":\n" + screen);
  }

  /**
   * Types {@code line} until the screen shows {@code text}, for what reaches the program by another
   * path than the keys: tmux applies a pane resize to the terminal on a timer, and the signal then
   * travels as its own SSH message, so a line typed right after resize-window can run first.
   */
  void retypeUntil(String line, String text) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      run("send-keys", "-t", "t", line, "Enter");
      try {
        waitFor(text, 20);
        return;
      } catch (AssertionError e) {
        if (attempt == 15) {
          throw e;
        }
      }
    }
  }

  /** "LINES COLUMNS" of the pane, as `stty size` prints them. */
  String paneSize() throws IOException, InterruptedException {
    return run("display-message", "-p", "-t", "t", "#{pane_height} #{pane_width}").strip();
  }

  void killServer() throws IOException, InterruptedException {
    run("kill-server");
  }
}
