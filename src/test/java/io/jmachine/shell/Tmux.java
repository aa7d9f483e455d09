package io.jmachine.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An interactive shell in a private tmux server (its own socket), driven by keystrokes and read
 * back from the screen. Closing it kills that server and nothing else.
 */
public final class Tmux implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final String socket;

  private Tmux(String socket) {
    this.socket = socket;
  }

  /** Starts {@code command} in a 200x50 window with exactly the environment given. */
  public static Tmux start(List<String> command, Map<String, String> env, Path dir)
      throws IOException, InterruptedException {
    Tmux tmux = new Tmux("jmachine-test-" + UUID.randomUUID());
    List<String> args =
        new ArrayList<>(List.of("new-session", "-d", "-s", "main", "-x", "200", "-y", "50", "-c"));
    args.add(dir.toString());
    args.add("--");
    args.addAll(command);
    tmux.tmux(args, env);
    try {
      tmux.tmux(List.of("set-option", "-g", "history-limit", "10000"), Map.of());
    } catch (IOException e) {
      tmux.close();
      throw e;
    }
    return tmux;
  }

  /** Types text as it is, no key names. */
  public void type(String text) throws IOException, InterruptedException {
    tmux(List.of("send-keys", "-t", "main", "-l", "--", text), Map.of());
  }

  /** Sends tmux key names: Enter, Tab, C-u, M-? ... */
  public void keys(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
    args.addAll(List.of(keys));
    tmux(args, Map.of());
  }

  /** The screen and its scroll-back, trailing blank lines removed. */
  public String screen() throws IOException, InterruptedException {
    return tmux(List.of("capture-pane", "-p", "-J", "-t", "main", "-S", "-"), Map.of())
        .stripTrailing();
  }

  /** Waits until the screen satisfies {@code done}; fails with the screen after a minute. */
  public String await(Predicate<String> done) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    String screen = screen();
    while (!done.test(screen)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for the shell; screen:\n" + screen);
      }
      Thread.sleep(25);
      screen = screen();
    }
    return screen;
  }

  /** Waits for a file the shell writes; fails with the screen after a minute. */
  public String awaitFile(Path file) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (!Files.exists(file)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + file + "; screen:\n" + screen());
      }
      Thread.sleep(10);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Runs a command line and returns what it printed: the lines between the typed line and a marker
   * echoed right after it (on the same line, so nothing is typed while it runs).
   */
  public String run(String commandLine) throws IOException, InterruptedException {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String marker = "__done_" + id;
    String typed = commandLine + "; echo __done''_" + id;
    type(typed);
    keys("Enter");
    String screen = await(s -> s.lines().anyMatch(l -> l.equals(marker)));
    List<String> lines = screen.lines().toList();
    int end = lines.lastIndexOf(marker);
    int start = end;
    while (start > 0 && !lines.get(start).endsWith(typed)) {
      start--;
    }
    return String.join("\n", lines.subList(start + 1, end));
  }

  /** The last non-blank line of the screen: the prompt, once the shell waits for input. */
  public String lastLine() throws IOException, InterruptedException {
    List<String> lines = screen().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Override
  public void close() throws IOException {
    try {
      tmux(List.of("kill-server"), Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String tmux(List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (!env.isEmpty()) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    pb.environment().remove("TMUX");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("tmux hung: " + command);
    }
    if (p.exitValue() != 0 && !args.get(0).equals("kill-server")) {
      throw new IOException("tmux failed: " + command + "\n" + out);
    }
    return out;
  }
}
