package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.shell.ShellTools;
import io.jmachine.shell.completion.ShellScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts in completion/ are `docker-machine completion NAME` output, checked in for the
 * tarball: this fails when a flag, verb or driver changed and they were not regenerated. To
 * regenerate: {@code mvn -o test -Dtest=CompletionScriptsTest -Djmachine.completion.update=true}.
 */
class CompletionScriptsTest {
  @TempDir Path home;

  @Test
  void checkedInScripts_areWhatTheCommandModelGivesNow() throws IOException {
    CliRunner cli = new CliRunner(home.resolve("store"));
    boolean update = Boolean.getBoolean("jmachine.completion.update");
    Path dir = ShellTools.completionDir();
    List<String> stale = new ArrayList<>();
    for (ShellScripts.Script script : ShellScripts.ALL) {
      CliRunner.Result r = cli.run("completion", script.name());
      assertThat(r.err()).isEmpty();
      assertThat(r.exit()).isZero();
      Path file = dir.resolve(script.file());
      if (update) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, r.out(), StandardCharsets.UTF_8);
      } else if (!Files.exists(file) || !Files.readString(file).equals(r.out())) {
        stale.add(script.file());
      }
    }
    assertThat(stale)
        .as(
            "completion/ differs from `docker-machine completion`: regenerate with mvn -o test"
                + " -Dtest=CompletionScriptsTest -Djmachine.completion.update=true")
        .isEmpty();
  }

  @Test
  void completionFolder_holdsExactlyTheGeneratedScripts() throws IOException {
    Path dir = ShellTools.completionDir();
    List<String> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .map(p -> dir.relativize(p).toString())
              .sorted()
              .toList();
    }
    assertThat(files)
        .isEqualTo(ShellScripts.ALL.stream().map(ShellScripts.Script::file).sorted().toList());
  }

  @Test
  void completion_withoutAKnownScript_isAUsageError() {
    CliRunner cli = new CliRunner(home.resolve("store"));
    for (String[] args :
        List.of(new String[] {"completion"}, new String[] {"completion", "tcsh"})) {
      CliRunner.Result r = cli.run(args);
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .isEqualTo(
              "Error: Expected one of bash, zsh, fish, prompt, wrapper, fish-prompt,"
                  + " fish-wrapper\n");
      assertThat(r.out()).startsWith("Usage: docker-machine completion [arg...]\n");
    }
  }

  @Test
  void completion_isListedInHelp() {
    CliRunner.Result r = new CliRunner(home.resolve("store")).run("completion", "--help");
    assertThat(r.out())
        .isEqualTo(
            "Usage: docker-machine completion [arg...]\n\n"
                + "Print a shell completion, prompt or wrapper script\n\n"
                + "Description:\n"
                + "   Argument is one of bash, zsh, fish, prompt, wrapper, fish-prompt,"
                + " fish-wrapper.\n");
  }
}
