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

/**
 * Every verb, in the order docker-machine's help lists them. Only the verb being run is built, so a
 * run pays for the model of its own command and no one else's.
 */
public final class Commands {
  static final String NAMES_DESCRIPTION = "Argument(s) are one or more machine names.";
  static final String NAME_DESCRIPTION = "Argument is a machine name.";

  /** A verb: its name, one-line usage and help description. */
  public record Entry(String name, String usage, String description) {
    /** Stands for the program as invoked (argv[0]) in a description. */
    static final String INVOKED_AS = "{argv0}";

    /** The help description, naming the program as invoked, as docker-machine's does. */
    String description(String argv0) {
      return description.replace(INVOKED_AS, argv0);
    }

    /**
     * The verb's command for one run ({@code context} is null where only its model is wanted). A
     * switch rather than constructor references: each of those is linked at start-up, ~5 ms cold.
     */
    VerbCommand create(CommandContext context) {
      return switch (name) {
        case "active" -> new ActiveCommand(context);
        case "completion" -> new CompletionCommand(context);
        case "config" -> new ConfigCommand(context);
        case "create" -> new CreateCommand(context);
        case "env" -> new EnvCommand(context);
        case "inspect" -> new InspectCommand(context);
        case "ip" -> new IpCommand(context);
        case "kill" -> new KillCommand(context);
        case "ls" -> new LsCommand(context);
        case "provision" -> new ProvisionCommand(context);
        case "regenerate-certs" -> new RegenerateCertsCommand(context);
        case "restart" -> new RestartCommand(context);
        case "rm" -> new RmCommand(context);
        case "ssh" -> new SshCommand(context);
        case "scp" -> new ScpCommand(context);
        case "mount" -> new MountCommand(context);
        case "start" -> new StartCommand(context);
        case "status" -> new StatusCommand(context);
        case "stop" -> new StopCommand(context);
        case "upgrade" -> new UpgradeCommand(context);
        case "url" -> new UrlCommand(context);
        case "version" -> new VersionCommand(context);
        case "help" -> new HelpCommand(context);
        default -> throw new IllegalStateException("no command for verb " + name);
      };
    }
  }

  static final List<Entry> ALL =
      List.of(
          new Entry("active", "Print which machine is active", ""),
          new Entry(
              "completion",
              "Print a shell completion, prompt or wrapper script",
              "Argument is one of bash, zsh, fish, prompt, wrapper, fish-prompt, fish-wrapper."),
          new Entry("config", "Print the connection config for machine", NAME_DESCRIPTION),
          new Entry(
              "create",
              "Create a machine",
              "Run '"
                  + Entry.INVOKED_AS
                  + " create --driver name --help' to include the create flags for that driver in"
                  + " the help text."),
          new Entry(
              "env",
              "Display the commands to set up the environment for the Docker client",
              NAME_DESCRIPTION),
          new Entry("inspect", "Inspect information about a machine", NAME_DESCRIPTION),
          new Entry("ip", "Get the IP address of a machine", NAMES_DESCRIPTION),
          new Entry("kill", "Kill a machine", NAMES_DESCRIPTION),
          new Entry("ls", "List machines", ""),
          new Entry("provision", "Re-provision existing machines", ""),
          new Entry(
              "regenerate-certs", "Regenerate TLS Certificates for a machine", NAMES_DESCRIPTION),
          new Entry("restart", "Restart a machine", NAMES_DESCRIPTION),
          new Entry("rm", "Remove a machine", NAMES_DESCRIPTION),
          new Entry(
              "ssh",
              "Log into or run a command on a machine with SSH.",
              "Arguments are [machine-name] [command]"),
          new Entry(
              "scp",
              "Copy files between machines",
              "Arguments are [[user@]machine:][path] [[user@]machine:][path]."),
          new Entry(
              "mount",
              "Mount or unmount a directory from a machine with SSHFS.",
              "Arguments are [machine:][path] [mountpoint]"),
          new Entry("start", "Start a machine", NAMES_DESCRIPTION),
          new Entry("status", "Get the status of a machine", NAME_DESCRIPTION),
          new Entry("stop", "Stop a machine", NAMES_DESCRIPTION),
          new Entry(
              "upgrade", "Upgrade a machine to the latest version of Docker", NAMES_DESCRIPTION),
          new Entry("url", "Get the URL of a machine", NAME_DESCRIPTION),
          new Entry("version", "Show the Docker Machine version or a machine docker version", ""),
          new Entry("help", "Shows a list of commands or help for one command", ""));

  private Commands() {}

  static Optional<Entry> find(String name) {
    for (Entry entry : ALL) {
      if (entry.name().equals(name)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }
}
