package io.jmachine.provision;

import io.jmachine.error.MachineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Docker gets onto a machine that lacks it, chosen at create and stored in config.json
 * (EngineOptions.InstallStrategy, absent meaning {@link Script}). A machine that already has Docker
 * keeps it, except that {@link Version} insists on its version.
 */
public sealed interface InstallStrategy {
  /** The option's values, for help and errors. */
  String CHOICES = "script, distro, version:VERSION, file:PATH or none";

  /** The value stored in config.json and accepted by --engine-install-strategy. */
  String text();

  /** A short description for messages. */
  String describe();

  /** docker-machine's way: the install script at EngineOptions.InstallURL, piped to sh. */
  record Script() implements InstallStrategy {
    @Override
    public String text() {
      return "script";
    }

    @Override
    public String describe() {
      return "the install script";
    }
  }

  /** The distribution's own package (docker.io on Debian and Ubuntu), from its mirrors. */
  record Distro() implements InstallStrategy {
    @Override
    public String text() {
      return "distro";
    }

    @Override
    public String describe() {
      return "the distribution's packages";
    }
  }

  /**
   * Docker {@code version} exactly (a prefix of what `docker --version` reports, such as 20.10 or
   * 20.10.24): the distribution's package of that version, else the install script asked for it.
   */
  record Version(String version) implements InstallStrategy {
    @Override
    public String text() {
      return "version:" + version;
    }

    @Override
    public String describe() {
      return "Docker " + version;
    }
  }

  /** A script of the user's, copied to the machine and run as root. */
  record File(Path script) implements InstallStrategy {
    @Override
    public String text() {
      return "file:" + script;
    }

    @Override
    public String describe() {
      return "the script " + script;
    }
  }

  /** Docker is installed by other means; provisioning only checks that it is there. */
  record None() implements InstallStrategy {
    @Override
    public String text() {
      return "none";
    }

    @Override
    public String describe() {
      return "none (Docker installed beforehand)";
    }
  }

  Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+~:_-]*");

  /**
   * Parses a stored or given value. Empty means the provisioner's own default (docker-machine's
   * behaviour: the install script on most systems, packages on SUSE and Arch, nothing on
   * boot2docker); {@code installUrl} "none" is rancher/machine's way of saying {@link None}.
   */
  static Optional<InstallStrategy> parse(String text, String installUrl) {
    if ((text == null || text.isEmpty()) && "none".equals(installUrl)) {
      return Optional.of(new None());
    }
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parseGiven(text));
  }

  private static InstallStrategy parseGiven(String text) {
    if (text.equals("script")) {
      return new Script();
    }
    if (text.equals("distro")) {
      return new Distro();
    }
    if (text.equals("none")) {
      return new None();
    }
    if (text.startsWith("version:")) {
      String version = text.substring("version:".length());
      if (!VERSION.matcher(version).matches()) {
        throw invalid(text, "a version is digits, dots and letters, such as 20.10 or 24.0.7");
      }
      return new Version(version);
    }
    if (text.startsWith("file:")) {
      String path = text.substring("file:".length());
      if (path.isEmpty()) {
        throw invalid(text, "name the script after file:");
      }
      return new File(Path.of(path).toAbsolutePath().normalize());
    }
    throw invalid(text, "use " + CHOICES);
  }

  /** Checks what can be checked before a machine exists: the user's script is readable. */
  static Optional<InstallStrategy> parseForCreate(String text, String installUrl) {
    Optional<InstallStrategy> strategy = parse(text, installUrl);
    if (strategy.orElse(null) instanceof File f && !Files.isReadable(f.script())) {
      throw new MachineException(
          "Invalid --engine-install-strategy \""
              + text
              + "\": cannot read the install script "
              + f.script());
    }
    return strategy;
  }

  private static MachineException invalid(String text, String advice) {
    return new MachineException("Invalid --engine-install-strategy \"" + text + "\": " + advice);
  }
}
