package io.jmachine.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks a real shell what it would offer on Tab: bash through readline in tmux (with
 * bash-completion), zsh through its completion system in a pseudo-terminal (zpty), fish through
 * `complete -C`. Each returns the candidates sorted.
 */
public final class Completers {
  private Completers() {}

  /** A shell's completion of a command line. */
  public interface Completer extends AutoCloseable {
    List<String> complete(String line) throws Exception;

    /** The same with extra variables set in the shell for this one completion. */
    List<String> complete(String line, Map<String, String> variables) throws Exception;

    @Override
    default void close() throws IOException {}
  }

  /**
   * Interactive bash in tmux: the line is typed, M-? (possible-completions) runs the completion as
   * Tab would without changing the line, and a wrapper around the registered function writes the
   * COMPREPLY readline received to a file.
   */
  public static Completer bash(Path script, Map<String, String> env, Path home, Path cwd)
      throws IOException, InterruptedException {
    return bash(script, env, home, cwd, true);
  }

  /** The same, optionally without bash-completion (the script's fallback). */
  public static Completer bash(
      Path script, Map<String, String> env, Path home, Path cwd, boolean bashCompletion)
      throws IOException, InterruptedException {
    ShellTools.require("bash", "tmux");
    if (bashCompletion) {
      ShellTools.requireFile(Path.of("/usr/share/bash-completion/bash_completion"));
    }
    Path reply = home.resolve("bash-reply");
    Path rc = home.resolve("bashrc");
    Files.writeString(home.resolve("inputrc"), "set bell-style none\nset editing-mode emacs\n");
    Files.writeString(
        rc,
        "PS1='bash$ '\n"
            + (bashCompletion ? "source /usr/share/bash-completion/bash_completion\n" : "")
            + "source '"
            + script
            + "'\n"
            + "__test_complete() {\n"
            + "    _docker_machine \"$@\"\n"
            + "    local rc=$?\n"
            + "    if ((${#COMPREPLY[@]})); then printf '%s\\n' \"${COMPREPLY[@]}\"; fi > '"
            + reply
            + ".tmp'\n"
            + "    mv '"
            + reply
            + ".tmp' '"
            + reply
            + "'\n"
            + "    return $rc\n"
            + "}\n"
            + "complete -F __test_complete docker-machine\n");
    Map<String, String> shellEnv = new java.util.HashMap<>(env);
    shellEnv.put("INPUTRC", home.resolve("inputrc").toString());
    Tmux tmux =
        Tmux.start(List.of("bash", "--noprofile", "--rcfile", rc.toString(), "-i"), shellEnv, cwd);
    try {
      tmux.await(s -> s.contains("bash$"));
    } catch (AssertionError | IOException e) {
      tmux.close();
      throw e;
    }
    return new Completer() {
      @Override
      public List<String> complete(String line) throws Exception {
        return complete(line, Map.of());
      }

      @Override
      public List<String> complete(String line, Map<String, String> variables) throws Exception {
        for (Map.Entry<String, String> v : variables.entrySet()) {
          tmux.run("export " + v.getKey() + "='" + v.getValue() + "'");
        }
        Files.deleteIfExists(reply);
        tmux.type(line);
        tmux.keys("M-?");
        String text = tmux.awaitFile(reply);
        tmux.keys("C-e", "C-u");
        for (String name : variables.keySet()) {
          tmux.run("unset " + name);
        }
        return sorted(text);
      }

      @Override
      public void close() throws IOException {
        tmux.close();
      }
    };
  }

  /**
   * zsh's completion system (compinit, with our function on $fpath) in an interactive zsh on a
   * pseudo-terminal; compadd is wrapped to print what the completion functions offer.
   */
  public static Completer zsh(Path functionDir, Map<String, String> env, Path home, Path cwd)
      throws IOException {
    ShellTools.require("zsh");
    Path capture = home.resolve("capture.zsh");
    Path init = home.resolve("init.zsh");
    Files.writeString(capture, ZSH_CAPTURE);
    Files.writeString(
        init, "fpath=(" + ShellQuote.posix(functionDir.toString()) + " $fpath)\n" + ZSH_INIT);
    return new Completer() {
      @Override
      public List<String> complete(String line) throws Exception {
        return complete(line, Map.of());
      }

      @Override
      public List<String> complete(String line, Map<String, String> variables) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(variables);
        ShellTools.Result r =
            ShellTools.run(
                List.of("zsh", "-f", capture.toString(), init.toString(), line), all, cwd);
        if (r.exit() != 0) {
          throw new AssertionError("zsh capture failed: " + r);
        }
        return sorted(r.out());
      }
    };
  }

  /** fish's own completion API: `complete -C LINE` after sourcing the script. */
  public static Completer fish(Path script, Map<String, String> env, Path cwd) {
    ShellTools.require("fish");
    return new Completer() {
      @Override
      public List<String> complete(String line) throws Exception {
        return complete(line, Map.of());
      }

      @Override
      public List<String> complete(String line, Map<String, String> variables) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(variables);
        ShellTools.Result r =
            ShellTools.run(
                List.of(
                    "fish",
                    "--no-config",
                    "-c",
                    "source $argv[1]; and complete -C $argv[2]",
                    script.toString(),
                    line),
                all,
                cwd);
        if (r.exit() != 0 || !r.err().isEmpty()) {
          throw new AssertionError("fish failed: " + r);
        }
        List<String> words = new ArrayList<>();
        for (String candidate : r.out().split("\n")) {
          if (!candidate.isEmpty()) {
            words.add(candidate.split("\t", 2)[0]);
          }
        }
        return words.stream().sorted().toList();
      }
    };
  }

  private static List<String> sorted(String lines) {
    return lines.lines().filter(l -> !l.isEmpty()).sorted().toList();
  }

  /** Types nothing: starts zsh on a pty, sources the init file, sends the line and a Tab. */
  private static final String ZSH_CAPTURE =
      """
      zmodload zsh/zpty
      zmodload zsh/datetime
      zpty capture zsh -f -i
      zpty -w capture "source ${(q)1}"
      zpty -n -w capture "$2"$'\\t'
      local line deadline=$(( EPOCHSECONDS + 30 ))
      while (( EPOCHSECONDS < deadline )); do
        if ! zpty -rt capture line; then
          sleep 0.02
          continue
        fi
        line=${line//$'\\r'/}
        line=${line%$'\\n'}
        if [[ $line == *'<<END>>'* ]]; then
          zpty -d capture
          exit 0
        fi
        [[ $line == *'<<C>>'* ]] && print -r -- ${line#*<<C>>}
      done
      zpty -d capture
      print -u2 'timed out'
      exit 1
      """;

  /** compadd prints each match it is given (with its prefixes and suffix), then adds it. */
  private static final String ZSH_INIT =
      """
      PROMPT='' RPROMPT=''
      autoload -Uz compinit && compinit -u -D
      zmodload zsh/zutil
      zstyle ':completion:*' list-grouped false
      zstyle ':completion:*' insert-tab false
      bindkey '^I' complete-word
      __capture_end() { print -r -- '<<END>>'; exit }
      comppostfuncs=(__capture_end)
      compadd() {
        # calls that only compute matches are not offers
        if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then
          builtin compadd "$@"
          return
        fi
        local -a __hits
        local -A __o
        zparseopts -E -A __o P: p: S: s: W: q
        # file names (-f, also clustered as in -Qf): zsh shows directories with a slash
        local __a __files=0
        for __a in "${@[1,(i)--]}"; do
          [[ $__a =~ '^-[A-Za-z]*f[A-Za-z]*$' ]] && __files=1
        done
        builtin compadd -A __hits "$@"
        (( $#__hits )) || return 1
        local __h __d
        for __h in $__hits; do
          __d=
          (( __files )) && [[ -z ${__o[-S]} && -d ${__o[-W]:+${__o[-W]}/}$__h ]] && __d=/
          print -r -- "<<C>>$IPREFIX${__o[-P]}${__o[-p]}$__h${__o[-s]}${__o[-S]}$__d"
        done
        builtin compadd "$@"
      }
      """;
}
