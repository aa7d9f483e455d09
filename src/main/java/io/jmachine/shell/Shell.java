package io.jmachine.shell;

import io.jmachine.error.MachineException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The shells `env` writes for, each with docker-machine's exact syntax. */
public enum Shell {
  POSIX("export ", "=\"", "\"\n", "unset ", "", "\n", "#", "eval $(%s)"),
  FISH("set -gx ", " \"", "\";\n", "set -e ", "", ";\n", "#", "eval (%s)"),
  POWERSHELL(
      "$Env:", " = \"", "\"\n", "Remove-Item Env:\\\\", "", "\n", "#", "& %s | Invoke-Expression"),
  CMD("SET ", "=", "\n", "SET ", "=", "\n", "REM", "\t@FOR /f \"tokens=*\" %%i IN ('%s') DO @%%i"),
  TCSH("setenv ", " \"", "\";\n", "unsetenv ", "", ";\n", ":", "eval `%s`"),
  EMACS(
      "(setenv \"",
      "\" \"",
      "\")\n",
      "(setenv \"",
      "\" nil",
      ")\n",
      ";;",
      "(with-temp-buffer (shell-command \"%s\" (current-buffer)) (eval-buffer))");

  final String setPrefix;
  final String setDelimiter;
  final String setSuffix;
  final String unsetPrefix;
  final String unsetDelimiter;
  final String unsetSuffix;
  final String comment;
  final String evalTemplate;

  Shell(
      String setPrefix,
      String setDelimiter,
      String setSuffix,
      String unsetPrefix,
      String unsetDelimiter,
      String unsetSuffix,
      String comment,
      String evalTemplate) {
    this.setPrefix = setPrefix;
    this.setDelimiter = setDelimiter;
    this.setSuffix = setSuffix;
    this.unsetPrefix = unsetPrefix;
    this.unsetDelimiter = unsetDelimiter;
    this.unsetSuffix = unsetSuffix;
    this.comment = comment;
    this.evalTemplate = evalTemplate;
  }

  /** The names `env --shell` accepts, as completion offers them. */
  private static final List<String> NAMES =
      List.of(
          "bash", "cmd", "csh", "emacs", "fish", "ksh", "powershell", "pwsh", "sh", "tcsh", "zsh");

  /** The names completion offers after `env --shell`. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The shell for a --shell value or $SHELL basename. docker-machine printed bash syntax for any
   * name it did not know (csh included); we know csh and refuse names we cannot serve.
   */
  public static Shell named(String name) {
    return known(name)
        .orElseThrow(
            () ->
                new MachineException(
                    "Error: Unknown shell \""
                        + name
                        + "\": use --shell with one of bash, sh, zsh, ksh, fish, tcsh, csh,"
                        + " powershell, pwsh, cmd, emacs"));
  }

  /** The shell a name means, if any: `bash`, `pwsh.exe`, `tcsh`, ... (case-insensitive). */
  public static Optional<Shell> known(String name) {
    String base = name.toLowerCase(Locale.ROOT);
    return Optional.ofNullable(
        switch (base) {
          case "bash", "sh", "zsh", "ksh", "dash", "ash", "mksh", "yash" -> POSIX;
          case "bash.exe", "sh.exe", "zsh.exe" -> POSIX;
          case "fish", "fish.exe" -> FISH;
          case "powershell", "powershell.exe", "pwsh", "pwsh.exe" -> POWERSHELL;
          case "cmd", "cmd.exe" -> CMD;
          case "tcsh", "csh", "bsd-csh", "tcsh.exe" -> TCSH;
          case "emacs", "emacs.exe" -> EMACS;
          default -> null;
        });
  }
}
