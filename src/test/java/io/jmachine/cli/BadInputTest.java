package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never costs the user anything: each case fails with one clear line (two for the usage
 * errors that print help first), a non-zero exit, and the store byte-identical.
 */
class BadInputTest {
  @TempDir Path home;
  private CliRunner cli;
  private Path store;

  @BeforeEach
  void setUp() throws IOException {
    store = home.resolve("store");
    cli = new CliRunner(store);
    assertThat(cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "m1").exit()).isZero();
    Files.createDirectories(store.resolve("machines/corrupt"));
    Files.writeString(store.resolve("machines/corrupt/config.json"), "{\"ConfigVersion\": 3,");
    Files.createDirectories(store.resolve("machines/future"));
    Files.writeString(store.resolve("machines/future/config.json"), "{\"ConfigVersion\": 4}");
    Files.createDirectories(store.resolve("machines/empty"));
  }

  static Stream<Arguments> cases() {
    String rule = "Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -";
    return Stream.of(
        c(
            "create bad_name",
            "Error creating machine: " + rule,
            "create",
            "-d",
            "none",
            "--url",
            "tcp://a:1",
            "bad_name"),
        c(
            "create ../escape",
            "Error creating machine: " + rule,
            "create",
            "-d",
            "none",
            "--url",
            "tcp://a:1",
            "../escape"),
        c(
            "create .hidden",
            "Error creating machine: " + rule,
            "create",
            "-d",
            "none",
            "--url",
            "tcp://a:1",
            ".hidden"),
        c(
            "create existing",
            "Docker machine \"m1\" already exists",
            "create",
            "-d",
            "none",
            "--url",
            "tcp://a:1",
            "m1"),
        c("create no name", "Error: No machine name specified", "create", "-d", "none"),
        c(
            "create two names",
            "Invalid command line. Found extra arguments [b c]",
            "create",
            "-d",
            "none",
            "--url",
            "tcp://a:1",
            "a",
            "b",
            "c"),
        c(
            "create no url",
            "Error setting machine configuration from flags provided: --url option is required when no driver is selected",
            "create",
            "-d",
            "none",
            "m2"),
        c(
            "create bad url",
            "Error setting machine configuration from flags provided: Invalid --url \"tcp://bad host:1\": Illegal character in authority",
            "create",
            "-d",
            "none",
            "--url",
            "tcp://bad host:1",
            "m2"),
        c(
            "create unknown driver",
            "Driver \"bogus\" not found. Do you have the plugin binary \"docker-machine-driver-bogus\" accessible in your PATH? Available drivers: amazonec2, digitalocean, generic, none, nspawn",
            "create",
            "-d",
            "bogus",
            "m2"),
        c(
            "create bad discovery",
            "Error parsing swarm discovery: Swarm Discovery URL was in the wrong format: nope",
            "create",
            "-d",
            "none",
            "--url",
            "tcp://a:1",
            "--swarm-discovery",
            "nope",
            "m2"),
        c(
            "create swarm master without a port",
            "Error parsing swarm host: \"tcp://0.0.0.0\" names no port; use e.g. tcp://0.0.0.0:3376",
            "create",
            "-d",
            "none",
            "--url",
            "tcp://a:1",
            "--swarm-master",
            "--swarm-host",
            "tcp://0.0.0.0",
            "m2"),
        c(
            "create bad flag",
            "flag provided but not defined: -bogus",
            "create",
            "-d",
            "none",
            "--bogus",
            "m2"),
        c("ls bad filter", "Unsupported filter syntax", "ls", "--filter", "bogus"),
        c("ls unknown filter", "Unsupported filter key 'foo'", "ls", "--filter", "foo=bar"),
        c(
            "ls bad regexp",
            "error parsing regexp: missing closing ]: `[`",
            "ls",
            "--filter",
            "name=["),
        c(
            "ls unclosed template",
            // ls appends a newline, which Go >= 1.16 lexes as space inside the action; unlike
            // inspect, ls returns text/template's error as it is
            "template: :2: unclosed action started at :1",
            "ls",
            "--format",
            "{{.Name"),
        c(
            "ls unknown function",
            "template: :1: function \"nosuch\" not defined",
            "ls",
            "--format",
            "{{nosuch .Name}}"),
        c(
            "ls bad timeout",
            "invalid value \"abc\" for flag -timeout: parse error",
            "ls",
            "--timeout",
            "abc"),
        c("ls missing value", "flag needs an argument: -filter", "ls", "--filter"),
        c(
            "active bad short timeout",
            "invalid value \"abc\" for flag -t: parse error",
            "active",
            "-t",
            "abc"),
        c(
            "ls timeout too big",
            "invalid value \"99999999999\" for flag -t: value out of range",
            "ls",
            "-t=99999999999"),
        c("inspect missing short value", "flag needs an argument: -f", "inspect", "-f"),
        c("global missing value", "flag needs an argument: -s", "-s"),
        c(
            "global bad boolean",
            "invalid boolean value \"maybe\" for -native-ssh: parse error",
            "--native-ssh=maybe",
            "ls"),
        c(
            "inspect ghost",
            "Docker machine \"ghost\" does not exist. Use \"docker-machine ls\" to list machines. Use \"docker-machine create\" to add a new one.",
            "inspect",
            "ghost"),
        c("inspect two", "Error: Expected one machine name as an argument", "inspect", "a", "b"),
        c(
            "inspect corrupt",
            "Error getting migrated host: unexpected end of JSON input",
            "inspect",
            "corrupt"),
        c(
            "inspect future",
            "config version is from the future -- you should upgrade your Docker Machine client",
            "inspect",
            "future"),
        c(
            "url no config",
            "open STORE/machines/empty/config.json: no such file or directory",
            "url",
            "empty"),
        c(
            "inspect traversal",
            "Docker machine \"../m1\" does not exist. Use \"docker-machine ls\" to list machines. Use \"docker-machine create\" to add a new one.",
            "inspect",
            "../m1"),
        c(
            "env unknown shell",
            "Error: Unknown shell \"nosuch\": use --shell with one of bash, sh, zsh, ksh, fish, tcsh, csh, powershell, pwsh, cmd, emacs",
            "env",
            "--shell",
            "nosuch",
            "-u"),
        c(
            "env unset with name",
            "Error: Expected no machine name when the -u flag is present",
            "env",
            "-u",
            "m1"),
        c("env two names", "Error: Expected one machine name as an argument", "env", "a", "b"),
        c(
            "unknown command",
            "docker-machine: 'frobnicate' is not a docker-machine command. See 'docker-machine --help'.",
            "frobnicate"),
        c("active with args", "Error: Too many arguments given", "active", "m1"),
        c("rm nothing", "Error: Expected to get one or more machine names as arguments", "rm"),
        c("scp one arg", "Improper number of arguments", "scp", "m1:/x"),
        c(
            "stop unknown among known",
            "Docker machine \"ghost\" does not exist. Use \"docker-machine ls\" to list machines. Use \"docker-machine create\" to add a new one.",
            "stop",
            "m1",
            "ghost"),
        c(
            "inspect bad field",
            "template: :1:7: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type string",
            "inspect",
            "-f",
            "{{.Name.Foo}}",
            "m1"));
  }

  private static Arguments c(String label, String lastErrorLine, String... args) {
    return Arguments.of(label, lastErrorLine, args);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_failsClearly_andChangesNothing(String label, String error, String[] args)
      throws Exception {
    Map<String, String> before = snapshot();

    CliRunner.Result r = cli.run(args);

    assertThat(r.exit()).as(label).isNotZero();
    List<String> lines = r.err().lines().toList();
    assertThat(lines).as(label).hasSize(1);
    assertThat(lines.get(0)).isEqualTo(error.replace("STORE", store.toString()));
    assertThat(snapshot()).as("store unchanged by " + label).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environmentCases")
  void badEnvironment_failsClearly(String variable, String value, String error) throws Exception {
    Map<String, String> before = snapshot();
    CliRunner.Result r = cli.env(variable, value).run("ls", "-q");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).isEqualTo(error + "\n");
    assertThat(snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> environmentCases() {
    return Stream.of(
        Arguments.of(
            "MACHINE_DEBUG",
            "maybe",
            "Error parsing boolean value from MACHINE_DEBUG: strconv.ParseBool: parsing \"maybe\":"
                + " invalid syntax"));
  }

  /** Every file and directory of the store with its mode and content hash. */
  private Map<String, String> snapshot() throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(store)) {
      for (Path p : walk.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        String content =
            Files.isRegularFile(p)
                ? HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                : "dir";
        files.put(store.relativize(p).toString(), mode + " " + content);
      }
    }
    return files;
  }
}
