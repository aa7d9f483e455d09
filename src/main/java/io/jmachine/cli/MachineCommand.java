package io.jmachine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command and its global options. An option's descriptionKey names the environment
 * variable that overrides its default, as docker-machine reads MACHINE_* ({@link EnvDefaults}).
 */
@Command(name = "docker-machine")
public final class MachineCommand {
  @Option(
      names = {"--debug", "-D"},
      description = "Enable debug mode",
      descriptionKey = "MACHINE_DEBUG",
      defaultValue = "false")
  boolean debug;

  @Option(
      names = {"--storage-path", "-s"},
      description = "Configures storage path",
      descriptionKey = "MACHINE_STORAGE_PATH",
      defaultValue = EnvDefaults.HOME_STORE)
  String storagePath;

  @Option(
      names = "--tls-ca-cert",
      description = "CA to verify remotes against",
      descriptionKey = "MACHINE_TLS_CA_CERT")
  String tlsCaCert;

  @Option(
      names = "--tls-ca-key",
      description = "Private key to generate certificates",
      descriptionKey = "MACHINE_TLS_CA_KEY")
  String tlsCaKey;

  @Option(
      names = "--tls-client-cert",
      description = "Client cert to use for TLS",
      descriptionKey = "MACHINE_TLS_CLIENT_CERT")
  String tlsClientCert;

  @Option(
      names = "--tls-client-key",
      description = "Private key used in client TLS auth",
      descriptionKey = "MACHINE_TLS_CLIENT_KEY")
  String tlsClientKey;

  @Option(
      names = "--github-api-token",
      description = "Token to use for requests to the Github API",
      descriptionKey = "MACHINE_GITHUB_API_TOKEN")
  String githubApiToken;

  @Option(
      names = "--native-ssh",
      description = "Use the native (Go-based) SSH implementation.",
      descriptionKey = "MACHINE_NATIVE_SSH",
      defaultValue = "false")
  boolean nativeSsh;

  @Option(
      names = "--no-host-key-pinning",
      description = "Accept any SSH host key, as docker-machine did (for re-imaged machines)",
      descriptionKey = "MACHINE_NO_HOST_KEY_PINNING",
      defaultValue = "false")
  boolean noHostKeyPinning;

  @Option(
      names = "--bugsnag-api-token",
      description = "BugSnag API token for crash reporting",
      descriptionKey = "MACHINE_BUGSNAG_API_TOKEN")
  String bugsnagApiToken;

  @Option(
      names = {"--help", "-h"},
      usageHelp = true,
      description = "show help")
  boolean help;

  @Option(
      names = {"--version", "-v"},
      versionHelp = true,
      description = "print the version")
  boolean version;
}
