package io.jmachine.cli.output;

import io.jmachine.error.MachineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Where a command's output goes. docker-machine's split: data and progress on stdout, errors and
 * debug on stderr; `env` and `config` send progress to stderr too so stdout stays eval-able.
 */
public final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final BufferedReader in;
  private PrintWriter info;

  public Console(PrintWriter out, PrintWriter err, BufferedReader in) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.info = out;
  }

  /** Data: the bytes scripts parse. */
  public void data(String text) {
    out.print(text);
    out.flush();
  }

  /** One progress line (libmachine's log.Info). */
  public synchronized void info(String line) {
    info.println(line);
    info.flush();
  }

  /** Text without a newline, such as a prompt. */
  public void prompt(String text) {
    info.print(text);
    info.flush();
  }

  public synchronized void error(String line) {
    err.println(line);
    err.flush();
  }

  /** Routes progress lines to stderr, for commands whose stdout is eval'ed. */
  public void infoToStderr() {
    info = err;
  }

  /** Reads one answer line; null at end of input. */
  public String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Reads a y/n answer as docker-machine does, with Go's fmt.Scanln into one word: confirmed when
   * the word starts with y or Y. An answer Scanln refuses (no word, two words, end of input) is a
   * {@link MachineException} with Go's wording, which `rm` takes as no and `regenerate-certs`
   * reports.
   */
  public boolean confirm() {
    String line = readLine();
    if (line == null) {
      throw new MachineException("EOF");
    }
    String[] words = line.strip().split("\\s+");
    if (words[0].isEmpty()) {
      throw new MachineException("unexpected newline");
    }
    if (words.length > 1) {
      throw new MachineException("expected newline");
    }
    return words[0].toLowerCase(Locale.ROOT).startsWith("y");
  }
}
