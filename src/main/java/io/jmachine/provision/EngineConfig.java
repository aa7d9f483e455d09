package io.jmachine.provision;

import io.jmachine.engine.EngineOptions;
import io.jmachine.error.GoQuote;
import io.jmachine.error.MachineException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Docker daemon's configuration as a provisioner writes it: docker-machine's templates, with
 * every user value passed through intact. docker-machine pasted values raw into a shell-quoted
 * template, so {@code --engine-env "X=a b"} became {@code X=ab} and a newline in a label could add
 * lines to the unit file; here values are quoted for the file's own syntax, and values that syntax
 * cannot hold are refused before anything is changed.
 *
 * @param dockerd the daemon command line's start, e.g. {@code /usr/sbin/dockerd}
 * @param certDir where ca.pem, server.pem and server-key.pem are on the machine
 * @param labels the user's labels followed by {@code provider=<driver>}
 */
public record EngineConfig(
    String dockerd,
    int port,
    String storageDriver,
    String certDir,
    List<String> labels,
    List<String> insecureRegistries,
    List<String> registryMirrors,
    List<String> flags,
    List<String> env) {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SHELL_SAFE = Pattern.compile("[^\\s'\"\\\\`$]*");

  public EngineConfig {
    labels = List.copyOf(labels);
    insecureRegistries = List.copyOf(insecureRegistries);
    registryMirrors = List.copyOf(registryMirrors);
    flags = List.copyOf(flags);
    env = List.copyOf(env);
  }

  /** The configuration for {@code options} on a machine of {@code driverName}. */
  public static EngineConfig of(
      EngineOptions options,
      String driverName,
      String dockerd,
      int port,
      String storageDriver,
      String certDir) {
    validate(options);
    List<String> labels = new ArrayList<>(orEmpty(options.labels()));
    labels.add("provider=" + driverName);
    return new EngineConfig(
        dockerd,
        port,
        storageDriver,
        certDir,
        labels,
        orEmpty(options.insecureRegistry()),
        orEmpty(options.registryMirror()),
        orEmpty(options.arbitraryFlags()),
        orEmpty(options.env()));
  }

  /**
   * Refuses values no daemon configuration can carry: control characters (a newline would start a
   * new line of the unit file) and environment entries that are not NAME=value.
   */
  public static void validate(EngineOptions options) {
    checkAll("--engine-label", options.labels());
    checkAll("--engine-insecure-registry", options.insecureRegistry());
    checkAll("--engine-registry-mirror", options.registryMirror());
    checkAll("--engine-opt", options.arbitraryFlags());
    checkAll("--engine-env", options.env());
    check("--engine-storage-driver", options.storageDriver());
    for (String entry : orEmpty(options.env())) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || !ENV_NAME.matcher(entry.substring(0, eq)).matches()) {
        throw new MachineException(
            "Invalid --engine-env "
                + GoQuote.quote(entry)
                + ": expected NAME=value, NAME made of letters, digits and underscores");
      }
    }
    for (String flag : orEmpty(options.arbitraryFlags())) {
      if (flag.isEmpty() || flag.startsWith("-")) {
        throw new MachineException(
            "Invalid --engine-opt "
                + GoQuote.quote(flag)
                + ": expected flag=value without leading dashes, e.g. --engine-opt dns=8.8.8.8");
      }
    }
  }

  private static void checkAll(String flag, List<String> values) {
    for (String value : orEmpty(values)) {
      check(flag, value);
    }
  }

  private static void check(String flag, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new MachineException(
            "Invalid "
                + flag
                + " "
                + GoQuote.quote(value)
                + ": it contains a line break or another control character, which the Docker"
                + " daemon's configuration cannot hold");
      }
    }
  }

  /** docker-machine's systemd drop-in (10-machine.conf), quoted for systemd. */
  public String systemdDropIn() {
    StringBuilder s = new StringBuilder();
    s.append("[Service]\nExecStart=\nExecStart=").append(dockerd);
    s.append(" -H tcp://0.0.0.0:").append(port);
    s.append(" -H unix:///var/run/docker.sock --storage-driver ")
        .append(SystemdQuote.arg(storageDriver));
    s.append(" --tlsverify --tlscacert ").append(certDir).append("/ca.pem");
    s.append(" --tlscert ").append(certDir).append("/server.pem");
    s.append(" --tlskey ").append(certDir).append("/server-key.pem ");
    appendSystemdOptions(s);
    s.append("\nEnvironment=");
    for (String e : env) {
      s.append(SystemdQuote.environment(e)).append(' ');
    }
    return s.append('\n').toString();
  }

  /** CoreOS's drop-in: its own daemon wrapper and variables, no storage driver. */
  public String coreOsDropIn() {
    StringBuilder s = new StringBuilder();
    s.append("[Service]\nEnvironment=TMPDIR=/var/tmp\nExecStart=\nExecStart=").append(dockerd);
    s.append(" --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:").append(port);
    s.append(" --tlsverify --tlscacert ").append(certDir).append("/ca.pem");
    s.append(" --tlscert ").append(certDir).append("/server.pem");
    s.append(" --tlskey ").append(certDir).append("/server-key.pem ");
    appendSystemdOptions(s);
    s.append("$DOCKER_OPTS $DOCKER_OPT_BIP $DOCKER_OPT_MTU $DOCKER_OPT_IPMASQ\nEnvironment=");
    for (String e : env) {
      s.append(SystemdQuote.environment(e)).append(' ');
    }
    return s.append('\n').toString();
  }

  private void appendSystemdOptions(StringBuilder s) {
    for (String label : labels) {
      s.append("--label ").append(SystemdQuote.arg(label)).append(' ');
    }
    for (String registry : insecureRegistries) {
      s.append("--insecure-registry ").append(SystemdQuote.arg(registry)).append(' ');
    }
    for (String mirror : registryMirrors) {
      s.append("--registry-mirror ").append(SystemdQuote.arg(mirror)).append(' ');
    }
    for (String flag : flags) {
      s.append(SystemdQuote.arg("--" + flag)).append(' ');
    }
  }

  /**
   * The DOCKER_OPTS file of upstart Ubuntu ({@code /etc/default/docker}) and RancherOS. Its init
   * script splits DOCKER_OPTS on whitespace, so values with spaces or quotes are refused.
   */
  public String upstartOptions(String provisioner) {
    StringBuilder s = new StringBuilder("\nDOCKER_OPTS='\n");
    s.append("-H tcp://0.0.0.0:").append(port).append('\n');
    s.append("-H unix:///var/run/docker.sock\n");
    s.append("--storage-driver ")
        .append(shellWord(provisioner, "--engine-storage-driver", storageDriver))
        .append('\n');
    s.append("--tlsverify\n");
    s.append("--tlscacert ").append(certDir).append("/ca.pem\n");
    s.append("--tlscert ").append(certDir).append("/server.pem\n");
    s.append("--tlskey ").append(certDir).append("/server-key.pem\n");
    appendLineOptions(s, provisioner);
    s.append("\n'\n");
    appendExports(s);
    return s.append('\n').toString();
  }

  /** boot2docker's profile ({@code /var/lib/boot2docker/profile}), sourced by its init script. */
  public String boot2dockerProfile() {
    String provisioner = "boot2docker";
    StringBuilder s = new StringBuilder("\nEXTRA_ARGS='\n");
    appendLineOptions(s, provisioner);
    s.append("\n'\n");
    s.append("CACERT=").append(certDir).append("/ca.pem\n");
    s.append("DOCKER_HOST='-H tcp://0.0.0.0:").append(port).append("'\n");
    s.append("DOCKER_STORAGE=")
        .append(shellWord(provisioner, "--engine-storage-driver", storageDriver))
        .append('\n');
    s.append("DOCKER_TLS=auto\n");
    s.append("SERVERKEY=").append(certDir).append("/server-key.pem\n");
    s.append("SERVERCERT=").append(certDir).append("/server.pem\n\n");
    appendExports(s);
    return s.append('\n').toString();
  }

  private void appendLineOptions(StringBuilder s, String provisioner) {
    for (String label : labels) {
      s.append("--label ").append(shellWord(provisioner, "--engine-label", label)).append('\n');
    }
    for (String registry : insecureRegistries) {
      s.append("--insecure-registry ")
          .append(shellWord(provisioner, "--engine-insecure-registry", registry))
          .append('\n');
    }
    for (String mirror : registryMirrors) {
      s.append("--registry-mirror ")
          .append(shellWord(provisioner, "--engine-registry-mirror", mirror))
          .append('\n');
    }
    for (String flag : flags) {
      s.append("--").append(shellWord(provisioner, "--engine-opt", flag)).append('\n');
    }
  }

  /** One `export "NAME=value"` line per environment entry, double-quoted for sh. */
  private void appendExports(StringBuilder s) {
    for (String e : env) {
      s.append("export \"")
          .append(
              e.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`"))
          .append("\"\n");
    }
  }

  private static String shellWord(String provisioner, String flag, String value) {
    if (!SHELL_SAFE.matcher(value).matches()) {
      throw new MachineException(
          "Invalid "
              + flag
              + " "
              + GoQuote.quote(value)
              + ": "
              + provisioner
              + " passes Docker's options through a shell variable split on spaces, so a value"
              + " cannot contain whitespace, quotes, backslashes, backticks or $");
    }
    return value;
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
