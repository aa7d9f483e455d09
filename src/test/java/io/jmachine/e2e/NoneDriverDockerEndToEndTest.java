package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.ServerCertificateIssuer;
import io.jmachine.cert.ServerCertificateRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's promise, for real: a dockerd secured with a server certificate from jmachine's
 * CA, registered with `create -d none`, then driven by the real docker CLI through `eval
 * "$(docker-machine env NAME)"` in bash.
 */
class NoneDriverDockerEndToEndTest {
  @TempDir Path dir;

  @Test
  void envThenDockerCli_runsAContainerOverTls_andStrangersAreRefused() throws Exception {
    Tools.require(Tools.isRoot(), "dockerd needs root");
    Tools.require(
        Tools.onPath("dockerd") && Tools.onPath("docker"), "needs docker.io (dockerd, docker)");
    Path store = dir.resolve("store with space");
    Path bin = Tools.dockerMachineScript(dir);
    Map<String, String> env =
        Map.of(
            "MACHINE_STORAGE_PATH",
            store.toString(),
            "HOME",
            dir.toString(),
            "USER",
            "e2e",
            "SHELL",
            "/bin/bash",
            "PATH",
            dir + ":" + System.getenv("PATH"));

    // the CA comes from the first create; the engine is registered before it runs
    Tools.Result created =
        Tools.run(
            List.of(
                bin.toString(), "create", "-d", "none", "--url", "tcp://127.0.0.1:PORT", "probe"),
            dir,
            env);
    assertThat(created.exit()).as(created.err()).isZero();
    Path certs = store.resolve("certs");
    Path serverCert = dir.resolve("server.pem");
    Path serverKey = dir.resolve("server-key.pem");
    new ServerCertificateIssuer(new CertificateOwner("e2e"), Clock.systemUTC())
        .issue(
            new ServerCertificateRequest(
                "engine",
                "127.0.0.1",
                List.of(),
                false,
                certs.resolve("ca.pem"),
                certs.resolve("ca-key.pem"),
                serverCert,
                serverKey));

    try (LocalDockerd dockerd =
        LocalDockerd.start(
            dir.resolve("dockerd"), certs.resolve("ca.pem"), serverCert, serverKey)) {
      String url = "tcp://127.0.0.1:" + dockerd.port();
      Tools.Result create =
          Tools.run(
              List.of(bin.toString(), "create", "-d", "none", "--url", url, "engine"), dir, env);
      assertThat(create.exit()).as(create.err()).isZero();

      String script =
          "set -e\n"
              + "eval \"$(docker-machine env engine)\"\n"
              + "test \"$DOCKER_MACHINE_NAME\" = engine\n"
              + "docker version --format 'server {{.Server.Version}}'\n"
              + "cd / && tar -ch usr/bin/dash lib/x86_64-linux-gnu/libc.so.6 lib64/ld-linux-x86-64.so.2"
              + " 2>/dev/null | docker import - mini >/dev/null\n"
              + "docker run --rm --network none mini /usr/bin/dash -c 'echo hello from a container'\n";
      Tools.Result session = Tools.run(List.of("bash", "-c", script), dir, env);
      assertThat(session.exit()).as(session.err() + "\n" + dockerd.log()).isZero();
      assertThat(session.out()).startsWith("server 20.").endsWith("hello from a container\n");

      Tools.Result ls =
          Tools.run(List.of(bin.toString(), "ls", "--filter", "name=engine"), dir, env);
      assertThat(ls.out()).containsPattern("engine +- +none +Running +" + url + " +v20\\.");

      Tools.Result version = Tools.run(List.of(bin.toString(), "version", "engine"), dir, env);
      assertThat(version.exit()).as(version.err()).isZero();
      assertThat(version.out()).startsWith("20.");

      Tools.Result stranger =
          Tools.run(
              List.of(
                  "docker",
                  "--tlsverify",
                  "--tlscacert",
                  certs.resolve("ca.pem").toString(),
                  "-H",
                  url,
                  "version"),
              dir,
              Map.of("HOME", dir.toString()));
      assertThat(stranger.exit()).isNotZero();
    }
  }
}
