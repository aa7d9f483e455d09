package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;
import static io.jmachine.cli.Flags.list;
import static io.jmachine.cli.Flags.string;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.DynamicOptions;
import io.jmachine.cli.UsageException;
import io.jmachine.cli.VerbCommand;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverFlag;
import io.jmachine.driver.DriverOptions;
import io.jmachine.engine.EngineOptions;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.machine.CreateRequest;
import io.jmachine.provision.InstallStrategy;
import io.jmachine.swarm.SwarmOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * `create`: the shared flags are declared here; the chosen driver's flags are added at parse time,
 * found the way docker-machine finds the driver (a first look at the raw arguments).
 */
public final class CreateCommand implements Callable<Integer>, DynamicOptions, VerbCommand {
  static final String DEFAULT_DRIVER = "virtualbox";

  private final CommandContext context;
  private final List<DriverFlag> driverFlags = new ArrayList<>();
  private final CommandModel model =
      CommandModel.verb(
          "create",
          this,
          string("--driver", "-d")
              .description("Driver to create machine with.")
              .descriptionKey("MACHINE_DRIVER")
              .defaultValue(DEFAULT_DRIVER),
          string("--engine-install-url")
              .description("Custom URL to use for engine installation")
              .descriptionKey("MACHINE_DOCKER_INSTALL_URL")
              .defaultValue(EngineOptions.DEFAULT_INSTALL_URL),
          string("--engine-install-strategy")
              .description(
                  "How to install Docker if missing: script (--engine-install-url), distro,"
                      + " version:X, file:PATH or none")
              .descriptionKey("MACHINE_DOCKER_INSTALL_STRATEGY")
              .defaultValue(""),
          list("--engine-opt")
              .description(
                  "Specify arbitrary flags to include with the created engine in the form"
                      + " flag=value"),
          list("--engine-insecure-registry")
              .description("Specify insecure registries to allow with the created engine"),
          list("--engine-registry-mirror")
              .description("Specify registry mirrors to use")
              .descriptionKey("ENGINE_REGISTRY_MIRROR"),
          list("--engine-label").description("Specify labels for the created engine"),
          string("--engine-storage-driver")
              .description("Specify a storage driver to use with the engine")
              .defaultValue(""),
          list("--engine-env").description("Specify environment variables to set in the engine"),
          bool("--swarm").description("Configure Machine to join a Swarm cluster"),
          string("--swarm-image")
              .description("Specify Docker image to use for Swarm")
              .descriptionKey("MACHINE_SWARM_IMAGE")
              .defaultValue(SwarmOptions.DEFAULT_IMAGE),
          bool("--swarm-master").description("Configure Machine to be a Swarm master"),
          string("--swarm-discovery")
              .description("Discovery service to use with Swarm")
              .defaultValue(""),
          string("--swarm-strategy")
              .description("Define a default scheduling strategy for Swarm")
              .defaultValue(SwarmOptions.DEFAULT_STRATEGY),
          list("--swarm-opt").description("Define arbitrary flags for Swarm master"),
          list("--swarm-join-opt").description("Define arbitrary flags for Swarm join"),
          string("--swarm-host")
              .description("ip/socket to listen on for Swarm master")
              .defaultValue(SwarmOptions.DEFAULT_HOST),
          string("--swarm-addr")
              .description("addr to advertise for Swarm (default: detect and use the machine IP)")
              .defaultValue(""),
          bool("--swarm-experimental").description("Enable Swarm experimental features"),
          list("--tls-san").description("Support extra SANs for TLS certs"));

  public CreateCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public void addOptions(CommandSpec spec, List<String> rawArgs) {
    if (context == null) {
      return; // `help create`: shared flags only
    }
    String named = namedDriver(rawArgs);
    if (!named.isEmpty()) {
      // docker-machine loads the named driver before it parses anything, so a missing one is the
      // error even for --help, a missing name or a bad flag
      context.drivers().require(named).createFlags().forEach(flag -> addDriverFlag(spec, flag));
      return;
    }
    Optional<DriverFactory> factory = context.drivers().find(DEFAULT_DRIVER);
    factory.ifPresent(f -> f.createFlags().forEach(flag -> addDriverFlag(spec, flag)));
  }

  private void addDriverFlag(CommandSpec spec, DriverFlag flag) {
    driverFlags.add(flag);
    OptionSpec.Builder option = OptionSpec.builder("--" + flag.name()).description(flag.usage());
    if (!flag.envVar().isEmpty()) {
      option.descriptionKey(flag.envVar());
    }
    switch (flag.kind()) {
      case BOOL -> option.type(boolean.class).arity("0");
      case INT -> option.type(int.class).defaultValue(flag.defaultValue().toString());
      case STRING -> option.type(String.class).defaultValue(flag.defaultValue().toString());
      case STRING_SLICE ->
          option.type(List.class).auxiliaryTypes(String.class).initialValue(new ArrayList<>());
    }
    spec.addOption(option.build());
  }

  /** The driver as docker-machine's first pass finds it: flag, then $MACHINE_DRIVER; or "". */
  private String namedDriver(List<String> rawArgs) {
    for (int i = 0; i < rawArgs.size(); i++) {
      String arg = rawArgs.get(i);
      for (String flag : List.of("--driver", "-driver", "-d")) {
        if (arg.equals(flag) && i + 1 < rawArgs.size()) {
          return rawArgs.get(i + 1);
        }
        if (arg.startsWith(flag + "=")) {
          return arg.substring(flag.length() + 1);
        }
      }
    }
    return context.env().get("MACHINE_DRIVER");
  }

  @Override
  public Integer call() {
    List<String> args = model.arguments();
    if (args.isEmpty()) {
      throw new UsageException("Error: No machine name specified");
    }
    if (args.size() > 1) {
      throw new MachineException(
          "Invalid command line. Found extra arguments " + goList(args.subList(1, args.size())));
    }
    String name = args.get(0);
    context.drivers().require(model.string("--driver"));
    Host host = context.machines().create(request(name));
    context.provisionCreated(host);
    context
        .console()
        .info(
            "To see how to connect your Docker Client to the Docker Engine running on this virtual"
                + " machine, run: "
                + context.invocation().get(0)
                + " env "
                + name);
    return 0;
  }

  private CreateRequest request(String name) {
    List<String> mirrors =
        withVariable(model.list("--engine-registry-mirror"), "ENGINE_REGISTRY_MIRROR");
    String installUrl = model.string("--engine-install-url");
    EngineOptions engine =
        new EngineOptions(
            model.list("--engine-opt"),
            null,
            "",
            model.list("--engine-env"),
            false,
            model.list("--engine-insecure-registry"),
            model.list("--engine-label"),
            "",
            model.string("--engine-storage-driver"),
            false,
            true,
            mirrors,
            installUrl,
            InstallStrategy.parseForCreate(model.string("--engine-install-strategy"), installUrl)
                .map(InstallStrategy::text)
                .orElse(""));
    boolean swarm = model.bool("--swarm");
    boolean swarmMaster = model.bool("--swarm-master");
    SwarmOptions swarmOptions =
        new SwarmOptions(
            swarm || swarmMaster,
            model.string("--swarm-addr"),
            model.string("--swarm-discovery"),
            swarm,
            swarmMaster,
            model.string("--swarm-host"),
            model.string("--swarm-image"),
            model.string("--swarm-strategy"),
            0,
            0,
            model.list("--swarm-opt"),
            model.list("--swarm-join-opt"),
            null,
            model.bool("--swarm-experimental"));
    return new CreateRequest(
        name,
        model.string("--driver"),
        new DriverOptions(driverValues()),
        engine,
        swarmOptions,
        model.list("--tls-san"),
        new CreateRequest.TlsPaths(
            context.caCertPath(),
            context.caKeyPath(),
            context.clientCertPath(),
            context.clientKeyPath()));
  }

  /** Driver flag values by name, plus the swarm flags every driver may read. */
  private Map<String, Object> driverValues() {
    Map<String, Object> values = new HashMap<>();
    for (DriverFlag flag : driverFlags) {
      Object value = model.value("--" + flag.name());
      if (flag.kind() == DriverFlag.Kind.STRING_SLICE && !flag.envVar().isEmpty()) {
        value = withVariable(model.list("--" + flag.name()), flag.envVar());
      }
      if (value != null) {
        values.put(flag.name(), value);
      }
    }
    values.put("swarm-master", model.bool("--swarm-master"));
    values.put("swarm-host", model.string("--swarm-host"));
    values.put("swarm-discovery", model.string("--swarm-discovery"));
    return values;
  }

  /**
   * A list flag as Go's cli fills it: the variable's comma-separated values, each trimmed, then the
   * values given on the command line appended to them.
   */
  private List<String> withVariable(List<String> flagValues, String variable) {
    String value = context.env().get(variable);
    if (value.isEmpty()) {
      return flagValues;
    }
    List<String> values = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      values.add(part.strip());
    }
    values.addAll(flagValues);
    return values;
  }

  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
