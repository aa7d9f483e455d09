package io.jmachine.shell;

import io.jmachine.error.MachineException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which shell `env` writes for when --shell is not given.
 *
 * <p>docker-machine used the base name of $SHELL, which is the login shell, not the shell that runs
 * the command: fish started from bash, bash started from a fish login, a Makefile's sh, pwsh on
 * Linux all got the wrong syntax (docker-machine #4825, #4826, #4891). The shell that evaluates the
 * output is the one that started us: `eval $(docker-machine env)` runs us in a subshell of the
 * shell, `docker-machine env | source` as a child of fish, tcsh's backquotes in a tcsh child. So:
 *
 * <ol>
 *   <li>the nearest ancestor process that is a known shell, looking through programs that only pass
 *       a command on (sudo, env, nice, timeout, ...) and stopping at any other program (a build
 *       tool or script runner that is not a shell is not going to eval the output);
 *   <li>a cmd.exe whose own parent is PowerShell counts as PowerShell: on Windows a `.cmd` launcher
 *       runs under cmd.exe even when the user typed the command in PowerShell;
 *   <li>else $SHELL's base name, as docker-machine did (an unknown name is an error);
 *   <li>else, with $SHELL empty, POSIX syntax (cmd on Windows) and a note on stderr.
 * </ol>
 */
public final class ShellDetector {
  /** How far up the process tree to look. */
  private static final int DEPTH = 8;

  /** Programs that run a command without being the one that reads its output. */
  private static final Set<String> PASS_THROUGH =
      Set.of(
          "sudo",
          "doas",
          "env",
          "nice",
          "nohup",
          "timeout",
          "time",
          "stdbuf",
          "ionice",
          "chrt",
          "taskset",
          "setsid",
          "strace",
          "ltrace",
          "flock",
          "runuser",
          "unbuffer",
          "docker-machine");

  private static final Pattern VERSIONED = Pattern.compile("(.+?)-?[0-9][0-9.]*");

  private final ProcessAncestry ancestry;
  private final boolean windows;

  public ShellDetector(ProcessAncestry ancestry, boolean windows) {
    this.ancestry = ancestry;
    this.windows = windows;
  }

  /**
   * The shell for {@code requested} (the --shell value, "" when absent).
   *
   * @param loginShell the value of $SHELL
   * @param note where to print the note shown when nothing tells the shell
   */
  public Shell detect(String requested, String loginShell, Consumer<String> note) {
    if (!requested.isEmpty()) {
      return Shell.named(requested);
    }
    Optional<Shell> caller = callingShell();
    if (caller.isPresent()) {
      return caller.get();
    }
    if (!loginShell.isEmpty()) {
      String base = ProcessAncestry.baseName(loginShell);
      return Shell.known(base)
          .or(() -> Shell.known(unversioned(base)))
          .orElseThrow(
              () ->
                  new MachineException(
                      "Error: Unknown shell \""
                          + base
                          + "\" in $SHELL: use --shell with one of bash, sh, zsh, ksh, fish, tcsh,"
                          + " csh, powershell, pwsh, cmd, emacs"));
    }
    if (windows) {
      note.accept(
          "You can further specify your shell with either 'cmd' or 'powershell' with the --shell"
              + " flag.");
      return Shell.CMD;
    }
    note.accept(
        "The default lines below are for a sh/bash shell, you can specify the shell you're using,"
            + " with the --shell flag.");
    return Shell.POSIX;
  }

  /** The shell among our nearest ancestors, looking only through pass-through programs. */
  Optional<Shell> callingShell() {
    List<ProcessAncestry.Ancestor> ancestors = ancestry.nearest(DEPTH);
    for (int i = 0; i < ancestors.size(); i++) {
      ProcessAncestry.Ancestor ancestor = ancestors.get(i);
      Optional<Shell> shell = shellOf(ancestor);
      if (shell.isPresent()) {
        if (shell.get() == Shell.CMD
            && i + 1 < ancestors.size()
            && shellOf(ancestors.get(i + 1)).orElse(null) == Shell.POWERSHELL) {
          return Optional.of(Shell.POWERSHELL);
        }
        return shell;
      }
      if (!passesThrough(ancestor)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<Shell> shellOf(ProcessAncestry.Ancestor ancestor) {
    for (String name : List.of(ancestor.executable(), ancestor.name())) {
      String clean = clean(name);
      Optional<Shell> shell = Shell.known(clean).or(() -> Shell.known(unversioned(clean)));
      if (shell.isPresent()) {
        return shell;
      }
    }
    return Optional.empty();
  }

  private static boolean passesThrough(ProcessAncestry.Ancestor ancestor) {
    String executable = clean(ancestor.executable());
    String name = clean(ancestor.name());
    return PASS_THROUGH.contains(executable.isEmpty() ? name : executable);
  }

  /** A login shell's `-bash`, Windows' `.exe` and letter case do not matter. */
  private static String clean(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    if (s.startsWith("-")) {
      s = s.substring(1);
    }
    return s.endsWith(".exe") ? s.substring(0, s.length() - 4) : s;
  }

  /** `zsh5`, `emacs-29.1`, `bash-5.2` are the shells they name. */
  private static String unversioned(String name) {
    Matcher m = VERSIONED.matcher(name);
    return m.matches() ? m.group(1) : name;
  }
}
