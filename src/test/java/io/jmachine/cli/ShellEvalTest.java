package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.docker.StandInEngine;
import io.jmachine.shell.ShellQuote;
import io.jmachine.shell.ShellTools;
import io.jmachine.shell.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * `env` output evaluated by real bash, zsh, fish and tcsh running the real command (a JVM per
 * call), from a store whose path holds a space; the prompt helper and the `use` wrapper in
 * interactive shells. $SHELL says bash throughout: the other shells are found as the caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellEvalTest {
  private Path dir;
  private Path store;
  private StandInEngine engine;
  private Map<String, String> env;
  private String url;

  @BeforeAll
  void setUp(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    store = dir.resolve("my store");
    CliRunner cli = new CliRunner(store);
    assertThat(cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "seed").exit())
        .isZero();
    engine = StandInEngine.start(store.resolve("certs"), dir);
    url = engine.url();
    assertThat(cli.run("create", "-d", "none", "--url", url, "ubu").exit()).isZero();
    Path bin = dir.resolve("bin");
    ShellTools.dockerMachineScript(bin);
    env = ShellTools.environment(Files.createDirectories(dir.resolve("home")), bin);
    env.put("MACHINE_STORAGE_PATH", store.toString());
    env.put("SHELL", "/bin/bash");
  }

  @AfterAll
  void tearDown() throws Exception {
    engine.close();
  }

  private String expectedVariables() {
    return "1\n" + url + "\n" + store.resolve("machines/ubu") + "\nubu\n";
  }

  private ShellTools.Result shell(String... command) throws Exception {
    ShellTools.Result r = ShellTools.run(List.of(command), env, dir);
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    return r;
  }

  @Test
  void bash_evalSetsAndUnsets() throws Exception {
    ShellTools.require("bash");
    String show =
        "printf '%s\\n' \"$DOCKER_TLS_VERIFY\" \"$DOCKER_HOST\" \"$DOCKER_CERT_PATH\""
            + " \"$DOCKER_MACHINE_NAME\"";
    assertThat(shell("bash", "-c", "eval \"$(docker-machine env ubu)\"; " + show).out())
        .isEqualTo(expectedVariables());
    assertThat(
            shell(
                    "bash",
                    "-c",
                    "eval \"$(docker-machine env ubu)\"; eval \"$(docker-machine env -u)\"; "
                        + "echo \"${DOCKER_HOST-unset} ${DOCKER_MACHINE_NAME-unset}\"")
                .out())
        .isEqualTo("unset unset\n");
  }

  @Test
  void zsh_evalSetsAndUnsets() throws Exception {
    ShellTools.require("zsh");
    String show =
        "printf '%s\\n' \"$DOCKER_TLS_VERIFY\" \"$DOCKER_HOST\" \"$DOCKER_CERT_PATH\""
            + " \"$DOCKER_MACHINE_NAME\"";
    assertThat(shell("zsh", "-f", "-c", "eval \"$(docker-machine env ubu)\"; " + show).out())
        .isEqualTo(expectedVariables());
    assertThat(
            shell(
                    "zsh",
                    "-f",
                    "-c",
                    "eval \"$(docker-machine env ubu)\"; eval \"$(docker-machine env -u)\"; "
                        + "echo \"${DOCKER_HOST-unset} ${DOCKER_MACHINE_NAME-unset}\"")
                .out())
        .isEqualTo("unset unset\n");
  }

  @Test
  void fish_sourceAndEval_detectedFromTheCallerDespiteShell() throws Exception {
    ShellTools.require("fish");
    String show =
        "printf '%s\\n' \"$DOCKER_TLS_VERIFY\" \"$DOCKER_HOST\" \"$DOCKER_CERT_PATH\""
            + " \"$DOCKER_MACHINE_NAME\"";
    assertThat(shell("fish", "--no-config", "-c", "docker-machine env ubu | source; " + show).out())
        .isEqualTo(expectedVariables());
    // the form the hint shows
    assertThat(shell("fish", "--no-config", "-c", "eval (docker-machine env ubu); " + show).out())
        .isEqualTo(expectedVariables());
    assertThat(
            shell(
                    "fish",
                    "--no-config",
                    "-c",
                    "docker-machine env ubu | source; docker-machine env -u | source; "
                        + "set -q DOCKER_HOST; or echo unset")
                .out())
        .isEqualTo("unset\n");
  }

  @Test
  void tcsh_evalBackquotes_detectedFromTheCaller() throws Exception {
    ShellTools.require("tcsh");
    String show =
        "printenv DOCKER_TLS_VERIFY; printenv DOCKER_HOST; printenv DOCKER_CERT_PATH;"
            + " printenv DOCKER_MACHINE_NAME";
    assertThat(shell("tcsh", "-f", "-c", "eval `docker-machine env ubu`; " + show).out())
        .isEqualTo(expectedVariables());
    assertThat(
            shell(
                    "tcsh",
                    "-f",
                    "-c",
                    "eval `docker-machine env ubu`; eval `docker-machine env -u`;"
                        + " printenv DOCKER_HOST || echo unset")
                .out())
        .isEqualTo("unset\n");
  }

  @Test
  void shScript_getsPosixEvenWhenShellSaysFish() throws Exception {
    ShellTools.require("sh");
    Map<String, String> fishUser = new HashMap<>(env);
    fishUser.put("SHELL", "/usr/bin/fish");
    ShellTools.Result r =
        ShellTools.run(
            List.of("sh", "-c", "eval \"$(docker-machine env ubu)\"; echo \"$DOCKER_HOST\""),
            fishUser,
            dir);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(url + "\n");
  }

  @Test
  void notAShellCaller_fallsBackToShellVariable() throws Exception {
    // started straight from this JVM: no shell above it, so $SHELL decides
    Map<String, String> fishUser = new HashMap<>(env);
    fishUser.put("SHELL", "/usr/bin/fish");
    ShellTools.Result r =
        ShellTools.run(
            List.of(dir.resolve("bin/docker-machine").toString(), "env", "ubu"), fishUser, dir);
    assertThat(r.out()).startsWith("set -gx DOCKER_TLS_VERIFY \"1\";\n");
  }

  /** The prompt and the wrapper in an interactive bash. */
  @Test
  void bash_promptShowsTheActiveMachine_andUseSwitchesTheShell() throws Exception {
    ShellTools.require("bash", "tmux");
    Path scripts = ShellTools.completionDir().resolve("bash");
    Path rc = dir.resolve("bashrc");
    Files.writeString(
        rc,
        "source "
            + ShellQuote.posix(scripts.resolve("docker-machine-prompt.bash").toString())
            + "\n"
            + "source "
            + ShellQuote.posix(scripts.resolve("docker-machine-wrapper.bash").toString())
            + "\n"
            + "PS1='[$(__docker_machine_ps1)]$ '\n");
    try (Tmux bash =
        Tmux.start(List.of("bash", "--noprofile", "--rcfile", rc.toString(), "-i"), env, dir)) {
      promptAndUse(bash, "[]$");
    }
  }

  /** The same scripts in an interactive zsh. */
  @Test
  void zsh_promptShowsTheActiveMachine_andUseSwitchesTheShell() throws Exception {
    ShellTools.require("zsh", "tmux");
    Path scripts = ShellTools.completionDir().resolve("bash");
    Path zdot = Files.createDirectories(dir.resolve("zdot"));
    Files.writeString(
        zdot.resolve(".zshrc"),
        "source "
            + ShellQuote.posix(scripts.resolve("docker-machine-prompt.bash").toString())
            + "\n"
            + "source "
            + ShellQuote.posix(scripts.resolve("docker-machine-wrapper.bash").toString())
            + "\n"
            + "setopt PROMPT_SUBST\n"
            + "PS1='[$(__docker_machine_ps1)]$ '\n");
    Map<String, String> zshEnv = new HashMap<>(env);
    zshEnv.put("ZDOTDIR", zdot.toString());
    try (Tmux zsh = Tmux.start(List.of("zsh", "-i"), zshEnv, dir)) {
      promptAndUse(zsh, "[]$");
    }
  }

  private void promptAndUse(Tmux shell, String emptyPrompt) throws Exception {
    shell.await(s -> lastLine(s).equals(emptyPrompt));
    shell.run("eval \"$(docker-machine env ubu)\"");
    assertThat(shell.await(s -> lastLine(s).startsWith("[ [")).lines().reduce((a, b) -> b))
        .hasValue("[ [ubu]]$");
    shell.run("eval \"$(docker-machine env -u)\"");
    shell.await(s -> lastLine(s).equals(emptyPrompt));

    shell.run("DOCKER_MACHINE_PS1_SHOWSTATUS=true");
    shell.run("eval \"$(docker-machine env ubu)\"");
    shell.await(s -> lastLine(s).equals("[ [ubu R]]$"));
    shell.run("unset DOCKER_MACHINE_PS1_SHOWSTATUS");
    shell.run("eval \"$(docker-machine env -u)\"");

    assertThat(shell.run("docker-machine use ubu")).isEqualTo("Active machine: ubu");
    assertThat(shell.run("echo \"$DOCKER_HOST|$DOCKER_CERT_PATH\""))
        .isEqualTo(url + "|" + store.resolve("machines/ubu"));
    shell.await(s -> lastLine(s).equals("[ [ubu]]$"));
    assertThat(shell.run("docker-machine use -u")).isEmpty();
    assertThat(shell.run("echo \"${DOCKER_HOST-unset}\"")).isEqualTo("unset");
    shell.await(s -> lastLine(s).equals(emptyPrompt));

    // global flags before use reach env; other verbs pass through
    shell.run("unset MACHINE_STORAGE_PATH");
    assertThat(shell.run("docker-machine -s " + ShellQuote.posix(store.toString()) + " use ubu"))
        .isEqualTo("Active machine: ubu");
    assertThat(shell.run("docker-machine -s " + ShellQuote.posix(store.toString()) + " ls -q"))
        .isEqualTo("seed\nubu");
    assertThat(shell.run("docker-machine use"))
        .startsWith("Usage: docker-machine use [OPTIONS] [arg...]\n");
    assertThat(shell.run("docker-machine"))
        .startsWith("Usage: docker-machine [OPTIONS] COMMAND [arg...]\n");
    assertThat(shell.run("docker-machine --debug -v")).contains("docker-machine version ");
    assertThat(shell.run("docker-machine use nosuch; echo \"rc=$? $DOCKER_MACHINE_NAME\""))
        .endsWith("rc=1 ubu");
  }

  @Test
  void fish_wrapperAndPrompt() throws Exception {
    ShellTools.require("fish");
    Path scripts = ShellTools.completionDir().resolve("fish");
    String source =
        "source "
            + ShellQuote.fish(scripts.resolve("docker-machine-wrapper.fish").toString())
            + "; source "
            + ShellQuote.fish(scripts.resolve("docker-machine-prompt.fish").toString())
            + "; ";
    assertThat(
            shell(
                    "fish",
                    "--no-config",
                    "-c",
                    source
                        + "echo \"<$(__docker_machine_ps1)>\"; docker-machine use ubu;"
                        + " echo \"$DOCKER_HOST <$(__docker_machine_ps1)>\"; docker-machine use -u;"
                        + " set -q DOCKER_HOST; or echo \"unset <$(__docker_machine_ps1)>\"")
                .out())
        .isEqualTo("<>\nActive machine: ubu\n" + url + " < [ubu]>\nunset <>\n");
  }

  private static String lastLine(String screen) {
    List<String> lines = screen.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
