package io.jmachine.shell.completion;

import java.util.List;
import java.util.Optional;

/** Every script `docker-machine completion` prints, and where it lives in completion/. */
public final class ShellScripts {
  /**
   * A script.
   *
   * @param name what `docker-machine completion` is asked for
   * @param file its path under the distribution's completion/ folder
   */
  public record Script(String name, String file) {}

  public static final List<Script> ALL =
      List.of(
          new Script("bash", "bash/docker-machine.bash"),
          new Script("zsh", "zsh/_docker-machine"),
          new Script("fish", "fish/docker-machine.fish"),
          new Script("prompt", "bash/docker-machine-prompt.bash"),
          new Script("wrapper", "bash/docker-machine-wrapper.bash"),
          new Script("fish-prompt", "fish/docker-machine-prompt.fish"),
          new Script("fish-wrapper", "fish/docker-machine-wrapper.fish"));

  private ShellScripts() {}

  public static List<String> names() {
    return ALL.stream().map(Script::name).toList();
  }

  public static Optional<Script> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static String render(String name, CompletionModel model) {
    return switch (name) {
      case "bash" -> BashCompletion.render(model);
      case "zsh" -> ZshCompletion.render(model);
      case "fish" -> FishCompletion.render(model);
      case "prompt" -> Scripts.resource("docker-machine-prompt.bash");
      case "wrapper" -> WrapperScript.bash(model);
      case "fish-prompt" -> Scripts.resource("docker-machine-prompt.fish");
      case "fish-wrapper" -> WrapperScript.fish(model);
      default -> throw new IllegalArgumentException("no script " + name);
    };
  }
}
