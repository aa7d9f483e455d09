package io.jmachine.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.error.MachineException;
import io.jmachine.shell.ProcessAncestry.Ancestor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which shell `env` writes for, from --shell, the calling processes and $SHELL. */
class ShellDetectorTest {
  private final List<String> notes = new ArrayList<>();

  private Shell detect(String requested, String loginShell, Ancestor... ancestors) {
    return detect(false, requested, loginShell, ancestors);
  }

  private Shell detect(
      boolean windows, String requested, String loginShell, Ancestor... ancestors) {
    return new ShellDetector(ProcessAncestry.of(Arrays.asList(ancestors)), windows)
        .detect(requested, loginShell, notes::add);
  }

  private static Ancestor exe(String executable) {
    return new Ancestor(executable, "");
  }

  @Test
  void shellFlag_winsOverTheCallerAndShellVariable() {
    assertThat(detect("tcsh", "/bin/bash", exe("fish"))).isEqualTo(Shell.TCSH);
    assertThat(detect("pwsh", "", exe("bash"))).isEqualTo(Shell.POWERSHELL);
    assertThat(detect("powershell.exe", "")).isEqualTo(Shell.POWERSHELL);
    assertThat(detect("emacs", "/bin/zsh")).isEqualTo(Shell.EMACS);
    assertThat(notes).isEmpty();
  }

  @Test
  void unknownShellFlag_isAnError() {
    assertThatThrownBy(() -> detect("nosuch", "/bin/bash"))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "Error: Unknown shell \"nosuch\": use --shell with one of bash, sh, zsh, ksh, fish,"
                + " tcsh, csh, powershell, pwsh, cmd, emacs");
  }

  @Test
  void callingShell_winsOverTheLoginShell() {
    assertThat(detect("", "/bin/bash", exe("fish"))).isEqualTo(Shell.FISH);
    assertThat(detect("", "/usr/bin/fish", exe("bash"), exe("fish"))).isEqualTo(Shell.POSIX);
    assertThat(detect("", "/usr/bin/fish", exe("dash"))).isEqualTo(Shell.POSIX);
    assertThat(detect("", "/bin/bash", exe("tcsh"))).isEqualTo(Shell.TCSH);
    assertThat(detect("", "/bin/bash", exe("bsd-csh"))).isEqualTo(Shell.TCSH);
    assertThat(detect("", "/bin/bash", exe("zsh5"))).isEqualTo(Shell.POSIX);
  }

  @Test
  void powershellAndCmd_byExecutable() {
    assertThat(detect("", "", exe("pwsh"))).isEqualTo(Shell.POWERSHELL);
    assertThat(detect("", "/bin/bash", exe("pwsh"))).isEqualTo(Shell.POWERSHELL);
    assertThat(detect(true, "", "", exe("powershell.exe"))).isEqualTo(Shell.POWERSHELL);
    assertThat(detect(true, "", "", exe("PowerShell.EXE"))).isEqualTo(Shell.POWERSHELL);
    assertThat(detect(true, "", "", exe("pwsh.exe"))).isEqualTo(Shell.POWERSHELL);
    assertThat(detect(true, "", "", exe("cmd.exe"), exe("explorer.exe"))).isEqualTo(Shell.CMD);
    assertThat(notes).isEmpty();
  }

  @Test
  void cmdLauncherUnderPowershell_isPowershell() {
    assertThat(detect(true, "", "", exe("cmd.exe"), exe("powershell.exe")))
        .isEqualTo(Shell.POWERSHELL);
    assertThat(detect(true, "", "", exe("cmd.exe"), exe("pwsh.exe"))).isEqualTo(Shell.POWERSHELL);
  }

  @Test
  void emacs_asTheDirectCaller() {
    assertThat(detect("", "/bin/bash", exe("emacs-29.1"))).isEqualTo(Shell.EMACS);
    assertThat(detect("", "/bin/bash", exe("emacs"))).isEqualTo(Shell.EMACS);
  }

  @Test
  void processName_whenTheExecutableSaysNothing() {
    // a login shell (-bash), an unreadable executable, busybox's sh
    assertThat(detect("", "/usr/bin/fish", new Ancestor("", "-bash"))).isEqualTo(Shell.POSIX);
    assertThat(detect("", "/bin/bash", new Ancestor("", "fish"))).isEqualTo(Shell.FISH);
    assertThat(detect("", "/usr/bin/fish", new Ancestor("busybox", "sh"))).isEqualTo(Shell.POSIX);
  }

  @Test
  void passThroughPrograms_areLookedThrough() {
    assertThat(detect("", "/bin/bash", exe("sudo"), exe("fish"))).isEqualTo(Shell.FISH);
    assertThat(detect("", "/bin/bash", exe("env"), exe("timeout"), exe("tcsh")))
        .isEqualTo(Shell.TCSH);
  }

  @Test
  void anotherProgramAsCaller_meansTheLoginShell() {
    assertThat(detect("", "/usr/bin/fish", exe("java"), exe("bash"))).isEqualTo(Shell.FISH);
    assertThat(detect("", "/usr/bin/fish", exe("python3"), exe("bash"))).isEqualTo(Shell.FISH);
    assertThat(detect("", "/usr/bin/fish")).isEqualTo(Shell.FISH);
    assertThat(notes).isEmpty();
  }

  @Test
  void unknownLoginShell_isAnErrorNamingShell() {
    assertThatThrownBy(() -> detect("", "/usr/bin/xonsh", exe("make")))
        .isInstanceOf(MachineException.class)
        .hasMessage(
            "Error: Unknown shell \"xonsh\" in $SHELL: use --shell with one of bash, sh, zsh, ksh,"
                + " fish, tcsh, csh, powershell, pwsh, cmd, emacs");
  }

  @Test
  void nothingKnown_posixWithANote_orCmdOnWindows() {
    assertThat(detect("", "")).isEqualTo(Shell.POSIX);
    assertThat(notes)
        .containsExactly(
            "The default lines below are for a sh/bash shell, you can specify the shell you're"
                + " using, with the --shell flag.");
    notes.clear();
    assertThat(detect(true, "", "", exe("explorer.exe"))).isEqualTo(Shell.CMD);
    assertThat(notes)
        .containsExactly(
            "You can further specify your shell with either 'cmd' or 'powershell' with the --shell"
                + " flag.");
  }

  @Test
  void currentProcess_hasAncestors() {
    List<Ancestor> ancestors = ProcessAncestry.current().nearest(2);
    assertThat(ancestors).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    assertThat(ancestors.get(0).executable() + ancestors.get(0).name()).isNotEmpty();
  }
}
