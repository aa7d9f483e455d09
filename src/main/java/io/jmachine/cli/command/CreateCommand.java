package io.jmachine.cli.command;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.DynamicOptions;
import io.jmachine.cli.HelpMixin;
import io.jmachine.cli.UsageException;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `create`: the shared flags are declared here; the chosen driver's flags are added at parse time,
 * found the way docker-machine finds the driver (a first look at the raw arguments).
 */
@Command(name = "create")
public final class CreateCommand implements Callable<Integer>, DynamicOptions {
  static final String DEFAULT_DRIVER = "virtualbox";

  private final CommandContext context;
  private final List<DriverFlag> driverFlags = new ArrayList<>();
  private CommandSpec spec;
  @Mixin HelpMixin help;

  @Option(
      names = {"--driver", "-d"},
      description = "Driver to create machine with.",
      descriptionKey = "MACHINE_DRIVER",
      defaultValue = DEFAULT_DRIVER)
  String driver;

  @Option(
      names = "--engine-install-url",
      description = "Custom URL to use for engine installation",
      descriptionKey = "MACHINE_DOCKER_INSTALL_URL",
      defaultValue = EngineOptions.DEFAULT_INSTALL_URL)
  String engineInstallUrl;

  @Option(
      names = "--engine-install-strategy",
      description =
          "How to install Docker if missing: script (--engine-install-url), distro, version:X,"
              + " file:PATH or none",
      descriptionKey = "MACHINE_DOCKER_INSTALL_STRATEGY",
      defaultValue = "")
  String engineInstallStrategy;

  @Option(
      names = "--engine-opt",
      description =
          "Specify arbitrary flags to include with the created engine in the form flag=value")
  List<String> engineOpt = new ArrayList<>();

  @Option(
      names = "--engine-insecure-registry",
      description = "Specify insecure registries to allow with the created engine")
  List<String> engineInsecureRegistry = new ArrayList<>();

  @Option(
      names = "--engine-registry-mirror",
      description = "Specify registry mirrors to use",
      descriptionKey = "ENGINE_REGISTRY_MIRROR")
  List<String> engineRegistryMirror = new ArrayList<>();

  @Option(names = "--engine-label", description = "Specify labels for the created engine")
  List<String> engineLabel = new ArrayList<>();

  @Option(
      names = "--engine-storage-driver",
      description = "Specify a storage driver to use with the engine",
      defaultValue = "")
  String engineStorageDriver;

  @Option(
      names = "--engine-env",
      description = "Specify environment variables to set in the engine")
  List<String> engineEnv = new ArrayList<>();

  @Option(names = "--swarm", description = "Configure Machine to join a Swarm cluster")
  boolean swarm;

  @Option(
      names = "--swarm-image",
      description = "Specify Docker image to use for Swarm",
      descriptionKey = "MACHINE_SWARM_IMAGE",
      defaultValue = SwarmOptions.DEFAULT_IMAGE)
  String swarmImage;

  @Option(names = "--swarm-master", description = "Configure Machine to be a Swarm master")
  boolean swarmMaster;

  @Option(
      names = "--swarm-discovery",
      description = "Discovery service to use with Swarm",
      defaultValue = "")
  String swarmDiscovery;

  @Option(
      names = "--swarm-strategy",
      description = "Define a default scheduling strategy for Swarm",
      defaultValue = SwarmOptions.DEFAULT_STRATEGY)
  String swarmStrategy;

  @Option(names = "--swarm-opt", description = "Define arbitrary flags for Swarm master")
  List<String> swarmOpt = new ArrayList<>();

  @Option(names = "--swarm-join-opt", description = "Define arbitrary flags for Swarm join")
  List<String> swarmJoinOpt = new ArrayList<>();

  @Option(
      names = "--swarm-host",
      description = "ip/socket to listen on for Swarm master",
      defaultValue = SwarmOptions.DEFAULT_HOST)
  String swarmHost;

  @Option(
      names = "--swarm-addr",
      description = "addr to advertise for Swarm (default: detect and use the machine IP)",
      defaultValue = "")
  String swarmAddr;

  @Option(names = "--swarm-experimental", description = "Enable Swarm experimental features")
  boolean swarmExperimental;

  @Option(names = "--tls-san", description = "Support extra SANs for TLS certs")
  List<String> tlsSan = new ArrayList<>();

  @Parameters List<String> args = List.of();

  public CreateCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public void addOptions(CommandSpec spec, List<String> rawArgs) {
    this.spec = spec;
    if (context == null) {
      return; // `help create`: shared flags only
    }
    Optional<DriverFactory> factory = context.drivers().find(driverName(rawArgs));
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

  /** The driver as docker-machine's first pass finds it: flag, then $MACHINE_DRIVER. */
  private String driverName(List<String> rawArgs) {
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
    String fromEnv = context.env().get("MACHINE_DRIVER");
    return fromEnv.isEmpty() ? DEFAULT_DRIVER : fromEnv;
  }

  @Override
  public Integer call() {
    if (args.isEmpty()) {
      throw new UsageException("Error: No machine name specified");
    }
    if (args.size() > 1) {
      throw new MachineException(
          "Invalid command line. Found extra arguments " + goList(args.subList(1, args.size())));
    }
    String name = args.get(0);
    context.drivers().require(driver);
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
    List<String> mirrors = engineRegistryMirror;
    String mirrorVar = context.env().get("ENGINE_REGISTRY_MIRROR");
    if (mirrors.isEmpty() && !mirrorVar.isEmpty()) {
      mirrors = List.of(mirrorVar.split(","));
    }
    EngineOptions engine =
        new EngineOptions(
            engineOpt,
            null,
            "",
            engineEnv,
            false,
            engineInsecureRegistry,
            engineLabel,
            "",
            engineStorageDriver,
            false,
            true,
            mirrors,
            engineInstallUrl,
            InstallStrategy.parseForCreate(engineInstallStrategy, engineInstallUrl)
                .map(InstallStrategy::text)
                .orElse(""));
    SwarmOptions swarmOptions =
        new SwarmOptions(
            swarm || swarmMaster,
            swarmAddr,
            swarmDiscovery,
            swarm,
            swarmMaster,
            swarmHost,
            swarmImage,
            swarmStrategy,
            0,
            0,
            swarmOpt,
            swarmJoinOpt,
            null,
            swarmExperimental);
    return new CreateRequest(
        name,
        driver,
        new DriverOptions(driverValues()),
        engine,
        swarmOptions,
        tlsSan,
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
      Object value = spec.findOption("--" + flag.name()).getValue();
      if (flag.kind() == DriverFlag.Kind.STRING_SLICE
          && value instanceof List<?> list
          && list.isEmpty()
          && !flag.envVar().isEmpty()
          && !context.env().get(flag.envVar()).isEmpty()) {
        // list flags read their variable here: Go splits it on commas
        value = List.of(context.env().get(flag.envVar()).split(","));
      }
      if (value != null) {
        values.put(flag.name(), value);
      }
    }
    values.put("swarm-master", swarmMaster);
    values.put("swarm-host", swarmHost);
    values.put("swarm-discovery", swarmDiscovery);
    return values;
  }

  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
