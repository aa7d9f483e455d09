package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;
import static io.jmachine.cli.Flags.string;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.shell.EnvScript;
import io.jmachine.shell.ProcessAncestry;
import io.jmachine.shell.Shell;
import io.jmachine.shell.ShellDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

public final class EnvCommand implements Callable<Integer>, VerbCommand {
  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "env",
          this,
          bool("--swarm").description("Display the Swarm config instead of the Docker daemon"),
          string("--shell")
              .description(
                  "Force environment to be configured for a specified shell: [fish, cmd,"
                      + " powershell, tcsh, emacs], default is auto-detect")
              .defaultValue(""),
          bool("--unset", "-u").description("Unset variables instead of setting them"),
          bool("--no-proxy").description("Add machine IP to NO_PROXY environment variable"));

  public EnvCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    context.console().infoToStderr();
    boolean noProxy = model.bool("--no-proxy");
    if (model.bool("--unset")) {
      if (!model.arguments().isEmpty()) {
        throw new MachineException("Error: Expected no machine name when the -u flag is present");
      }
      Shell target = detectShell();
      List<String> names =
          new ArrayList<>(
              List.of(
                  "DOCKER_TLS_VERIFY", "DOCKER_HOST", "DOCKER_CERT_PATH", "DOCKER_MACHINE_NAME"));
      if (noProxy) {
        names.add(proxyVariable());
      }
      context.console().data(EnvScript.unset(target, names, context.invocation()));
      return 0;
    }
    String name = context.targetName(model.arguments());
    Host host = context.machines().load(name);
    String url;
    try {
      url = context.connectionCheck().check(host, model.bool("--swarm"));
    } catch (MachineException e) {
      throw new MachineException("Error checking TLS connection: " + e.getMessage(), e);
    }
    Shell target = detectShell();
    context
        .certificateHealth()
        .problem(host.options().authOptions())
        .ifPresent(problem -> context.console().info("Warning: " + problem));
    Path certPath = context.store().machineDir(host.name());
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("DOCKER_TLS_VERIFY", "1");
    vars.put("DOCKER_HOST", url);
    vars.put("DOCKER_CERT_PATH", certPath.toString());
    vars.put("DOCKER_MACHINE_NAME", host.name());
    if (noProxy) {
      String ip;
      try {
        ip = host.driver().getIp();
      } catch (MachineException e) {
        throw new MachineException("Error getting host IP: " + e.getMessage(), e);
      }
      String variable = proxyVariable();
      String current = context.env().get(variable);
      vars.put(
          variable, current.isEmpty() ? ip : current.contains(ip) ? current : current + "," + ip);
    }
    context.console().data(EnvScript.set(target, vars, context.invocation()));
    return 0;
  }

  private String proxyVariable() {
    return context.env().get("no_proxy").isEmpty() ? "NO_PROXY" : "no_proxy";
  }

  /** --shell, else the calling shell, else $SHELL: see {@link ShellDetector}. */
  private Shell detectShell() {
    return new ShellDetector(ancestry(), isWindows())
        .detect(model.string("--shell"), context.env().get("SHELL"), context.console()::info);
  }

  /**
   * The processes above this one tell who will eval the output, but only when the command runs as
   * this process with its real environment; a run embedded with an environment of its own (tests)
   * has no calling shell, and falls back to the $SHELL it was given.
   */
  private ProcessAncestry ancestry() {
    return context.env().variables().equals(System.getenv())
        ? ProcessAncestry.current()
        : ProcessAncestry.NONE;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
