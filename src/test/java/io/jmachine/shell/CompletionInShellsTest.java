package io.jmachine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checked-in completion scripts in real bash (readline, bash-completion), zsh (compsys) and
 * fish: exact candidate lists, with the expectations read from the CLI's own help and errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionInShellsTest {
  private Path dir;
  private Path store;
  private Path otherStore;
  private Path work;
  private Path jvmStarts;
  private Map<String, String> env;
  private CliOracle oracle;
  private final Map<String, Completers.Completer> completers = new HashMap<>();

  @BeforeAll
  void setUp(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    store = dir.resolve("store");
    otherStore = dir.resolve("other store").resolve("st");
    for (String name : List.of("alpha", "beta-2")) {
      create(store, name);
    }
    create(otherStore, "gamma");
    Files.createDirectories(store.resolve("machines/.half-made"));
    Files.writeString(store.resolve("machines/stray-file"), "");
    work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve("notes.txt"), "");
    Files.createDirectories(work.resolve("sub"));

    // completing must never start docker-machine (a JVM): this one only records that it ran
    Path bin = Files.createDirectories(dir.resolve("bin"));
    jvmStarts = dir.resolve("jvm-starts");
    Path fake = bin.resolve("docker-machine");
    Files.writeString(fake, "#!/bin/sh\necho \"$@\" >> '" + jvmStarts + "'\n");
    fake.toFile().setExecutable(true);

    env = ShellTools.environment(Files.createDirectories(dir.resolve("home")), bin);
    env.put("MACHINE_STORAGE_PATH", store.toString());
    oracle = new CliOracle(store);
  }

  private static void create(Path store, String name) {
    CliRunner.Result r =
        new CliRunner(store).run("create", "-d", "none", "--url", "tcp://127.0.0.1:2376", name);
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @AfterAll
  void tearDown() throws Exception {
    for (Completers.Completer completer : completers.values()) {
      completer.close();
    }
    assertThat(jvmStarts).as("completion ran docker-machine").doesNotExist();
  }

  private List<String> complete(String shell, String line) throws Exception {
    return completer(shell).complete(line);
  }

  private Completers.Completer completer(String shell) throws Exception {
    if (!completers.containsKey(shell)) {
      Path scripts = ShellTools.completionDir();
      Path home = Files.createDirectories(dir.resolve("home-" + shell.replace(' ', '-')));
      completers.put(
          shell,
          switch (shell) {
            case "bash" ->
                Completers.bash(scripts.resolve("bash/docker-machine.bash"), env, home, work);
            case "bash without bash-completion" ->
                Completers.bash(
                    scripts.resolve("bash/docker-machine.bash"), env, home, work, false);
            case "zsh" -> Completers.zsh(scripts.resolve("zsh"), env, home, work);
            case "fish" -> Completers.fish(scripts.resolve("fish/docker-machine.fish"), env, work);
            default -> throw new IllegalArgumentException(shell);
          });
    }
    return completers.get(shell);
  }

  private static List<String> sorted(Stream<String> words) {
    return words.sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterTheCommand_everyVerb(String shell) throws Exception {
    assertThat(complete(shell, "docker-machine "))
        .isEqualTo(sorted(oracle.verbs().stream()))
        .contains("create", "ssh", "completion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void withTheWrapper_useToo(String shell) throws Exception {
    List<String> expected = new ArrayList<>(oracle.verbs());
    expected.add("use");
    assertThat(
            completer(shell).complete("docker-machine ", Map.of("DOCKER_MACHINE_WRAPPED", "true")))
        .isEqualTo(sorted(expected.stream()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterDriverFlag_theRegisteredDrivers(String shell) throws Exception {
    assertThat(complete(shell, "docker-machine create -d "))
        .isEqualTo(sorted(oracle.drivers().stream()))
        .contains("none");
    assertThat(complete(shell, "docker-machine create --driver n"))
        .isEqualTo(sorted(oracle.drivers().stream().filter(d -> d.startsWith("n"))));
  }

  /**
   * The chosen driver's own flags: generic's `--generic-*` once generic is registered, until then
   * none's `--url`.
   */
  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterCreateWithADriver_thatDriversFlags(String shell) throws Exception {
    boolean generic = oracle.drivers().contains("generic");
    String driver = generic ? "generic" : "none";
    String prefix = generic ? "--generic-" : "--u";
    List<String> expected =
        sorted(
            oracle.createFlags(driver).stream()
                .filter(f -> f.name().startsWith(prefix))
                .map(f -> shell.equals("zsh") && f.takesValue() ? f.name() + "=" : f.name()));
    assertThat(expected).isNotEmpty();
    assertThat(complete(shell, "docker-machine create -d " + driver + " " + prefix))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void createFlags_sharedAndTheDriversMerged(String shell) throws Exception {
    List<String> expected =
        sorted(
            oracle.createFlags("none").stream()
                .map(f -> shell.equals("zsh") && f.takesValue() ? f.name() + "=" : f.name())
                .filter(name -> name.startsWith("--"))
                // zsh does not offer again an option the line already has (-d)
                .filter(name -> !(shell.equals("zsh") && name.equals("--driver="))));
    assertThat(complete(shell, "docker-machine create -d none --")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterSsh_theMachinesOfTheStore(String shell) throws Exception {
    assertThat(complete(shell, "docker-machine ssh ")).containsExactly("alpha", "beta-2");
    assertThat(complete(shell, "docker-machine ssh alpha ")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void storagePathOnTheCommandLine_winsOverTheVariable(String shell) throws Exception {
    String quoted =
        shell.equals("fish")
            ? ShellQuote.fish(otherStore.toString())
            : ShellQuote.posix(otherStore.toString());
    assertThat(complete(shell, "docker-machine -s " + quoted + " ssh ")).containsExactly("gamma");
    assertThat(complete(shell, "docker-machine --debug --storage-path " + quoted + " ip "))
        .containsExactly("gamma");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterScp_machinesWithAColonAndLocalFiles(String shell) throws Exception {
    assertThat(complete(shell, "docker-machine scp "))
        .containsExactly("alpha:", "beta-2:", "notes.txt", "sub/");
    assertThat(complete(shell, "docker-machine scp al")).containsExactly("alpha:");
    assertThat(complete(shell, "docker-machine scp me@be")).containsExactly("me@beta-2:");
    assertThat(complete(shell, "docker-machine scp -r notes.txt "))
        .containsExactly("alpha:", "beta-2:", "notes.txt", "sub/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterMount_machinesWithAColon(String shell) throws Exception {
    assertThat(complete(shell, "docker-machine mount ")).containsExactly("alpha:", "beta-2:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterEnvShell_theShellNames(String shell) throws Exception {
    List<String> shells =
        List.of(
            "bash",
            "cmd",
            "csh",
            "emacs",
            "fish",
            "ksh",
            "powershell",
            "pwsh",
            "sh",
            "tcsh",
            "zsh");
    CliRunner cli = new CliRunner(store);
    for (String name : shells) {
      assertThat(cli.run("env", "--shell", name, "-u").exit()).as(name).isZero();
    }
    assertThat(complete(shell, "docker-machine env --shell ")).isEqualTo(shells);
    assertThat(complete(shell, "docker-machine env ")).containsExactly("alpha", "beta-2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void afterLsFilter_theFilterKeys(String shell) throws Exception {
    List<String> keys = List.of("driver", "label", "name", "state", "swarm");
    CliRunner cli = new CliRunner(store);
    for (String key : keys) {
      assertThat(cli.run("ls", "-q", "--filter", key + "=x").exit()).as(key).isZero();
    }
    assertThat(complete(shell, "docker-machine ls --filter "))
        .isEqualTo(keys.stream().map(k -> k + "=").toList());
    // bash replaces only what follows the '=' (it is a word break), the others the whole word
    String prefix = shell.equals("bash") ? "" : "driver=";
    assertThat(complete(shell, "docker-machine ls --filter driver="))
        .isEqualTo(oracle.drivers().stream().map(d -> prefix + d).sorted().toList());
    String name = shell.equals("bash") ? "" : "name=";
    assertThat(complete(shell, "docker-machine ls --filter name="))
        .containsExactly(name + "alpha", name + "beta-2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void helpAndCompletion_theirWords(String shell) throws Exception {
    assertThat(complete(shell, "docker-machine help ")).isEqualTo(sorted(oracle.verbs().stream()));
    assertThat(complete(shell, "docker-machine completion "))
        .containsExactly("bash", "fish", "fish-prompt", "fish-wrapper", "prompt", "wrapper", "zsh");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void aVerbsFlags(String shell) throws Exception {
    List<String> expected =
        shell.equals("zsh")
            ? List.of("--filter=", "--format=", "--help", "--quiet", "--timeout=")
            : List.of("--filter", "--format", "--help", "--quiet", "--timeout");
    assertThat(complete(shell, "docker-machine ls --")).isEqualTo(expected);
    assertThat(complete(shell, "docker-machine rm -"))
        .containsExactly("--force", "--help", "-f", "-h", "-y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh", "fish"})
  void flagEqualsValue_forms(String shell) throws Exception {
    // bash's readline replaces what follows the '=' (a word break), zsh and fish the whole word
    boolean bash = shell.equals("bash");
    assertThat(complete(shell, "docker-machine env --shell=f"))
        .containsExactly(bash ? "fish" : "--shell=fish");
    assertThat(complete(shell, "docker-machine ls --filter=st"))
        .containsExactly(bash ? "state=" : "--filter=state=");
    assertThat(complete(shell, "docker-machine create --driver=none --u"))
        .containsExactly(shell.equals("zsh") ? "--url=" : "--url");
    assertThat(
            complete(
                shell,
                "docker-machine --storage-path="
                    + (shell.equals("fish")
                        ? ShellQuote.fish(otherStore.toString())
                        : ShellQuote.posix(otherStore.toString()))
                    + " ssh "))
        .containsExactly("gamma");
  }

  @org.junit.jupiter.api.Test
  void bashWithoutBashCompletion_stillCompletesTheBasics() throws Exception {
    String shell = "bash without bash-completion";
    assertThat(complete(shell, "docker-machine ")).isEqualTo(sorted(oracle.verbs().stream()));
    assertThat(complete(shell, "docker-machine create -d "))
        .isEqualTo(sorted(oracle.drivers().stream()));
    assertThat(complete(shell, "docker-machine ssh ")).containsExactly("alpha", "beta-2");
    assertThat(
            complete(
                shell, "docker-machine -s " + ShellQuote.posix(otherStore.toString()) + " ssh "))
        .containsExactly("gamma");
    assertThat(complete(shell, "docker-machine env --shell f")).containsExactly("fish");
    assertThat(complete(shell, "docker-machine scp "))
        .containsExactly("alpha:", "beta-2:", "notes.txt", "sub/");
  }
}
