package io.jmachine.cli;

import io.jmachine.cli.command.ActiveCommand;
import io.jmachine.cli.command.CompletionCommand;
import io.jmachine.cli.command.ConfigCommand;
import io.jmachine.cli.command.CreateCommand;
import io.jmachine.cli.command.EnvCommand;
import io.jmachine.cli.command.HelpCommand;
import io.jmachine.cli.command.InspectCommand;
import io.jmachine.cli.command.IpCommand;
import io.jmachine.cli.command.KillCommand;
import io.jmachine.cli.command.LsCommand;
import io.jmachine.cli.command.MountCommand;
import io.jmachine.cli.command.ProvisionCommand;
import io.jmachine.cli.command.RegenerateCertsCommand;
import io.jmachine.cli.command.RestartCommand;
import io.jmachine.cli.command.RmCommand;
import io.jmachine.cli.command.ScpCommand;
import io.jmachine.cli.command.SshCommand;
import io.jmachine.cli.command.StartCommand;
import io.jmachine.cli.command.StatusCommand;
import io.jmachine.cli.command.StopCommand;
import io.jmachine.cli.command.UpgradeCommand;
import io.jmachine.cli.command.UrlCommand;
import io.jmachine.cli.command.VersionCommand;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every verb, in the order docker-machine's help lists them. Only the verb being run is built, so a
 * run pays for the model of its own command and no one else's.
 */
public final class Commands {
  static final String NAMES_DESCRIPTION = "Argument(s) are one or more machine names.";
  static final String NAME_DESCRIPTION = "Argument is a machine name.";

  /** A verb: its name, one-line usage, help description and how to build it. */
  public record Entry(
      String name,
      String usage,
      String description,
      Function<CommandContext, VerbCommand> factory) {}

  static final List<Entry> ALL =
      List.of(
          new Entry("active", "Print which machine is active", "", ActiveCommand::new),
          new Entry(
              "completion",
              "Print a shell completion, prompt or wrapper script",
              "Argument is one of bash, zsh, fish, prompt, wrapper, fish-prompt, fish-wrapper.",
              CompletionCommand::new),
          new Entry(
              "config",
              "Print the connection config for machine",
              NAME_DESCRIPTION,
              ConfigCommand::new),
          new Entry(
              "create",
              "Create a machine",
              "Run '"
                  + "docker-machine create --driver name --help' to include the create flags for"
                  + " that driver in the help text.",
              CreateCommand::new),
          new Entry(
              "env",
              "Display the commands to set up the environment for the Docker client",
              NAME_DESCRIPTION,
              EnvCommand::new),
          new Entry(
              "inspect",
              "Inspect information about a machine",
              NAME_DESCRIPTION,
              InspectCommand::new),
          new Entry("ip", "Get the IP address of a machine", NAMES_DESCRIPTION, IpCommand::new),
          new Entry("kill", "Kill a machine", NAMES_DESCRIPTION, KillCommand::new),
          new Entry("ls", "List machines", "", LsCommand::new),
          new Entry("provision", "Re-provision existing machines", "", ProvisionCommand::new),
          new Entry(
              "regenerate-certs",
              "Regenerate TLS Certificates for a machine",
              NAMES_DESCRIPTION,
              RegenerateCertsCommand::new),
          new Entry("restart", "Restart a machine", NAMES_DESCRIPTION, RestartCommand::new),
          new Entry("rm", "Remove a machine", NAMES_DESCRIPTION, RmCommand::new),
          new Entry(
              "ssh",
              "Log into or run a command on a machine with SSH.",
              "Arguments are [machine-name] [command]",
              SshCommand::new),
          new Entry(
              "scp",
              "Copy files between machines",
              "Arguments are [[user@]machine:][path] [[user@]machine:][path].",
              ScpCommand::new),
          new Entry(
              "mount",
              "Mount or unmount a directory from a machine with SSHFS.",
              "Arguments are [machine:][path] [mountpoint]",
              MountCommand::new),
          new Entry("start", "Start a machine", NAMES_DESCRIPTION, StartCommand::new),
          new Entry("status", "Get the status of a machine", NAME_DESCRIPTION, StatusCommand::new),
          new Entry("stop", "Stop a machine", NAMES_DESCRIPTION, StopCommand::new),
          new Entry(
              "upgrade",
              "Upgrade a machine to the latest version of Docker",
              NAMES_DESCRIPTION,
              UpgradeCommand::new),
          new Entry("url", "Get the URL of a machine", NAME_DESCRIPTION, UrlCommand::new),
          new Entry(
              "version",
              "Show the Docker Machine version or a machine docker version",
              "",
              VersionCommand::new),
          new Entry(
              "help", "Shows a list of commands or help for one command", "", HelpCommand::new));

  private Commands() {}

  static Optional<Entry> find(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
