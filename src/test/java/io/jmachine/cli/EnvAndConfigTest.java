package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.docker.StandInEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** env in every shell, config, ls and version against an engine that passes the TLS check. */
class EnvAndConfigTest {
  @TempDir Path home;
  private CliRunner cli;
  private Path store;
  private StandInEngine engine;
  private String url;

  @BeforeEach
  void setUp() throws Exception {
    store = home.resolve("store");
    cli = new CliRunner(store);
    assertThat(cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "seed").exit())
        .isZero();
    engine = StandInEngine.start(store.resolve("certs"), home);
    url = engine.url();
    assertThat(cli.run("create", "-d", "none", "--url", url, "ubu").exit()).isZero();
  }

  @AfterEach
  void tearDown() throws Exception {
    engine.close();
  }

  private String certPath() {
    return store.resolve("machines/ubu").toString();
  }

  private String hint(String comment, String format, String args) {
    return comment
        + " Run this command to configure your shell: \n"
        + comment
        + " "
        + String.format(format, "docker-machine -s " + store + " " + args)
        + "\n";
  }

  @Test
  void env_bash() {
    CliRunner.Result r = cli.run("env", "ubu");
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "export DOCKER_TLS_VERIFY=\"1\"\nexport DOCKER_HOST=\""
                + url
                + "\"\nexport DOCKER_CERT_PATH=\""
                + certPath()
                + "\"\nexport DOCKER_MACHINE_NAME=\"ubu\"\n"
                + hint("#", "eval $(%s)", "env ubu"));
  }

  @Test
  void env_shellFromLoginShellPath() {
    CliRunner.Result r = cli.env("SHELL", "/usr/bin/fish").run("env", "ubu");
    assertThat(r.out())
        .isEqualTo(
            "set -gx DOCKER_TLS_VERIFY \"1\";\nset -gx DOCKER_HOST \""
                + url
                + "\";\nset -gx DOCKER_CERT_PATH \""
                + certPath()
                + "\";\nset -gx DOCKER_MACHINE_NAME \"ubu\";\n"
                + hint("#", "eval (%s)", "env ubu"));
  }

  @Test
  void env_powershell_cmd_tcsh_emacs() {
    assertThat(cli.run("env", "--shell", "powershell", "ubu").out())
        .isEqualTo(
            "$Env:DOCKER_TLS_VERIFY = \"1\"\n$Env:DOCKER_HOST = \""
                + url
                + "\"\n$Env:DOCKER_CERT_PATH = \""
                + certPath()
                + "\"\n$Env:DOCKER_MACHINE_NAME = \"ubu\"\n"
                + hint("#", "& %s | Invoke-Expression", "env --shell powershell ubu"));
    assertThat(cli.run("env", "--shell", "cmd", "ubu").out())
        .isEqualTo(
            "SET DOCKER_TLS_VERIFY=1\nSET DOCKER_HOST="
                + url
                + "\nSET DOCKER_CERT_PATH="
                + certPath()
                + "\nSET DOCKER_MACHINE_NAME=ubu\n"
                + hint(
                    "REM", "\t@FOR /f \"tokens=*\" %%i IN ('%s') DO @%%i", "env --shell cmd ubu"));
    assertThat(cli.run("env", "--shell", "tcsh", "ubu").out())
        .isEqualTo(
            "setenv DOCKER_TLS_VERIFY \"1\";\nsetenv DOCKER_HOST \""
                + url
                + "\";\nsetenv DOCKER_CERT_PATH \""
                + certPath()
                + "\";\nsetenv DOCKER_MACHINE_NAME \"ubu\";\n"
                + hint(":", "eval `%s`", "env --shell tcsh ubu"));
    assertThat(cli.run("env", "--shell", "emacs", "ubu").out())
        .isEqualTo(
            "(setenv \"DOCKER_TLS_VERIFY\" \"1\")\n(setenv \"DOCKER_HOST\" \""
                + url
                + "\")\n(setenv \"DOCKER_CERT_PATH\" \""
                + certPath()
                + "\")\n(setenv \"DOCKER_MACHINE_NAME\" \"ubu\")\n"
                + hint(
                    ";;",
                    "(with-temp-buffer (shell-command \"%s\" (current-buffer)) (eval-buffer))",
                    "env --shell emacs ubu"));
  }

  @Test
  void env_noProxy_appendsTheMachineIp() {
    String ip = url.substring("tcp://".length());
    assertThat(cli.env("NO_PROXY", "localhost").run("env", "--no-proxy", "ubu").out())
        .contains("export NO_PROXY=\"localhost," + ip + "\"\n");
    assertThat(cli.env("no_proxy", "x," + ip).run("env", "--no-proxy", "ubu").out())
        .contains("export no_proxy=\"x," + ip + "\"\n");
  }

  @Test
  void env_unsetNoProxy_hasNoStrayValue() {
    assertThat(cli.env("NO_PROXY", "1.2.3.4").run("env", "-u", "--no-proxy").out())
        .contains("unset NO_PROXY\n");
  }

  @Test
  void env_emptyShellVariable_notesBashOnStderrAndStillWorks() {
    CliRunner.Result r = cli.env("SHELL", "").run("env", "ubu");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("export DOCKER_TLS_VERIFY=\"1\"\n");
    assertThat(r.err())
        .isEqualTo(
            "The default lines below are for a sh/bash shell, you can specify the shell you're"
                + " using, with the --shell flag.\n");
  }

  @Test
  void config_printsTlsFlagsAndHost() {
    CliRunner.Result r = cli.run("config", "ubu");
    assertThat(r.out())
        .isEqualTo(
            "--tlsverify\n--tlscacert=\""
                + certPath()
                + "/ca.pem\"\n--tlscert=\""
                + certPath()
                + "/cert.pem\"\n--tlskey=\""
                + certPath()
                + "/key.pem\"\n-H="
                + url
                + "\n");
  }

  @Test
  void config_swarmOnNonMaster_explains() {
    CliRunner.Result r = cli.run("config", "--swarm", "ubu");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Error running connection boilerplate: \"ubu\" is not a swarm master. The --swarm flag"
                + " is intended for use with swarm masters\n");
  }

  @Test
  void ls_showsEngineVersion_andVersionCommandAsksTheEngine() {
    String out =
        cli.run(
                "ls",
                "--filter",
                "name=ubu",
                "--format",
                "{{.Name}} {{.DockerVersion}} [{{.Error}}]")
            .out();
    assertThat(out).isEqualTo("ubu v20.10.24+dfsg1 []\n");
    assertThat(cli.run("version", "ubu").out()).isEqualTo("20.10.24+dfsg1\n");
  }

  @Test
  void ls_table_layoutMatchesDockerMachine() {
    String out = cli.run("ls", "--filter", "name=ubu").out();
    String header = "NAME   ACTIVE   DRIVER   STATE     URL";
    assertThat(out).startsWith(header);
    assertThat(out.lines().skip(1).findFirst().orElseThrow())
        .matches("ubu    -        none     Running   " + url + " +v20\\.10\\.24\\+dfsg1   ");
  }
}
