package io.jmachine.cli;

import static io.jmachine.cli.Flags.bool;
import static io.jmachine.cli.Flags.string;

/**
 * The root command and its global options. An option's descriptionKey names the environment
 * variable that overrides its default, as docker-machine reads MACHINE_* ({@link EnvDefaults}).
 */
final class MachineCommand {
  private final CommandModel model =
      CommandModel.root(
          "docker-machine",
          this,
          // MACHINE_DEBUG is read apart (MachineCli.debugRequested): docker-machine's help names no
          // variable for this flag
          bool("--debug", "-D").description("Enable debug mode").defaultValue("false"),
          string("--storage-path", "-s")
              .description("Configures storage path")
              .descriptionKey("MACHINE_STORAGE_PATH")
              .defaultValue(EnvDefaults.HOME_STORE),
          string("--tls-ca-cert")
              .description("CA to verify remotes against")
              .descriptionKey("MACHINE_TLS_CA_CERT"),
          string("--tls-ca-key")
              .description("Private key to generate certificates")
              .descriptionKey("MACHINE_TLS_CA_KEY"),
          string("--tls-client-cert")
              .description("Client cert to use for TLS")
              .descriptionKey("MACHINE_TLS_CLIENT_CERT"),
          string("--tls-client-key")
              .description("Private key used in client TLS auth")
              .descriptionKey("MACHINE_TLS_CLIENT_KEY"),
          string("--github-api-token")
              .description("Token to use for requests to the Github API")
              .descriptionKey("MACHINE_GITHUB_API_TOKEN"),
          bool("--native-ssh")
              .description("Use the native (Go-based) SSH implementation.")
              .descriptionKey("MACHINE_NATIVE_SSH")
              .defaultValue("false"),
          bool("--no-host-key-pinning")
              .description(
                  "Accept any SSH host key, as docker-machine did (for re-imaged machines)")
              .descriptionKey("MACHINE_NO_HOST_KEY_PINNING")
              .defaultValue("false"),
          string("--bugsnag-api-token")
              .description("BugSnag API token for crash reporting")
              .descriptionKey("MACHINE_BUGSNAG_API_TOKEN"),
          Flags.help(),
          bool("--version", "-v").versionHelp(true).description("print the version"));

  CommandModel model() {
    return model;
  }

  String storagePath() {
    return model.string("--storage-path");
  }

  String tlsCaCert() {
    return model.string("--tls-ca-cert");
  }

  String tlsCaKey() {
    return model.string("--tls-ca-key");
  }

  String tlsClientCert() {
    return model.string("--tls-client-cert");
  }

  String tlsClientKey() {
    return model.string("--tls-client-key");
  }

  boolean nativeSsh() {
    return model.bool("--native-ssh");
  }

  boolean noHostKeyPinning() {
    return model.bool("--no-host-key-pinning");
  }
}
