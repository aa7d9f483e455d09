package io.jmachine.fakes;

import io.jmachine.ssh.SshClient;
import io.jmachine.ssh.SshResult;
import io.jmachine.ssh.SshTransportException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine that answers SSH commands from canned rules and records every command, for transcript
 * tests of provisioning. Rules are tried newest first; a command no rule answers succeeds with no
 * output. File writes (base64 payloads) are decoded into {@link #files()}.
 */
public final class FakeSshClient implements SshClient {
  private static final Pattern WRITE =
      Pattern.compile(
          "\\{ if echo '[0-9a-f]{64}  '(\\S+) \\| sudo sha256sum -c --status >/dev/null 2>&1; then"
              + " echo unchanged \\S+; else printf %s '([A-Za-z0-9+/=]*)' \\| sudo sh -c '[^']*'"
              + " sh (\\d+) \\S+; fi; \\}");

  private final List<Rule> rules = new ArrayList<>();
  private final List<String> commands = new ArrayList<>();
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, String> modes = new LinkedHashMap<>();
  private int closed;

  private record Rule(Predicate<String> matches, Function<String, SshResult> answer) {}

  /** Answers commands equal to {@code command}. */
  public FakeSshClient on(String command, int status, String output) {
    return when(command::equals, c -> new SshResult(status, output));
  }

  /** Answers commands containing {@code fragment}. */
  public FakeSshClient onContaining(String fragment, int status, String output) {
    return when(c -> c.contains(fragment), c -> new SshResult(status, output));
  }

  /** Answers with a sequence: the first answers once each, the last one from then on. */
  public FakeSshClient onSequence(String command, SshResult... answers) {
    int[] calls = {0};
    return when(command::equals, c -> answers[Math.min(calls[0]++, answers.length - 1)]);
  }

  /** The connection drops the first {@code times} times {@code command} runs. */
  public FakeSshClient dropOn(String command, int times) {
    int[] left = {times};
    return when(
        c -> c.equals(command) && left[0] > 0,
        c -> {
          left[0]--;
          throw new SshTransportException("connection reset by peer");
        });
  }

  public FakeSshClient when(Predicate<String> matches, Function<String, SshResult> answer) {
    rules.add(0, new Rule(matches, answer));
    return this;
  }

  @Override
  public SshResult run(String command) {
    commands.add(command);
    for (String part : command.split(" && (?=\\{ if echo ')")) {
      Matcher m = WRITE.matcher(part);
      if (m.matches()) {
        files.put(
            m.group(1), new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
        modes.put(m.group(1), m.group(3));
      }
    }
    for (Rule rule : rules) {
      if (rule.matches().test(command)) {
        return rule.answer().apply(command);
      }
    }
    return new SshResult(0, "");
  }

  @Override
  public int interactive(List<String> command) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
    closed++;
  }

  public int closed() {
    return closed;
  }

  /** Every command run, file writes shown as {@code write PATH MODE}. */
  public List<String> transcript() {
    List<String> out = new ArrayList<>();
    for (String command : commands) {
      List<String> writes = new ArrayList<>();
      for (String part : command.split(" && (?=\\{ if echo ')")) {
        Matcher m = WRITE.matcher(part);
        if (m.matches()) {
          writes.add(m.group(1) + " " + m.group(3));
        }
      }
      out.add(writes.isEmpty() ? command : "write " + String.join(", ", writes));
    }
    return out;
  }

  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** Contents written to each path (last write wins). */
  public Map<String, String> files() {
    return files;
  }

  public Map<String, String> modes() {
    return modes;
  }
}
