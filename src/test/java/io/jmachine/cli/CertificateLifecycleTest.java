package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.cert.CertificateBootstrap;
import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.CertificatePaths;
import io.jmachine.docker.StandInEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates that expire are reported, never silently replaced (docker-machine #4400). */
class CertificateLifecycleTest {
  @TempDir Path home;
  private Path store;
  private CliRunner cli;

  @BeforeEach
  void setUp() {
    store = home.resolve("store");
    cli = new CliRunner(store);
  }

  /** Bootstraps the store's CA and client pair as if it had happened {@code daysAgo} days ago. */
  private void bootstrapDaysAgo(Path certs, int daysAgo) {
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC);
    new CertificateBootstrap(new CertificateOwner("tester"), past, line -> {})
        .bootstrap(CertificatePaths.inDirectory(certs));
  }

  @Test
  void create_withExpiredCa_refusesAndSaysWhatToRun() throws Exception {
    bootstrapDaysAgo(store.resolve("certs"), 1200);
    String caBefore = Files.readString(store.resolve("certs/ca.pem"));

    CliRunner.Result r = cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "m1");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("Error generating certificates: ")
        .contains("regenerate-certs --client-certs");
    assertThat(Files.readString(store.resolve("certs/ca.pem"))).isEqualTo(caBefore);
    assertThat(store.resolve("machines/m1")).doesNotExist();
  }

  @Test
  void ls_expiredCa_isReportedInErrors() throws Exception {
    assertThat(cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "m1").exit()).isZero();
    Path old = home.resolve("old-certs");
    bootstrapDaysAgo(old, 1200);
    Files.copy(
        old.resolve("ca.pem"),
        store.resolve("certs/ca.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    String errors = cli.run("ls", "--format", "{{.Name}}: {{.Error}}").out();

    assertThat(errors)
        .startsWith("m1: certificate " + store.resolve("certs/ca.pem") + " expired on ");
  }

  @Test
  void env_expiringSoon_warnsOnStderrOnly() throws Exception {
    bootstrapDaysAgo(store.resolve("certs"), 1070);
    assertThat(cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "seed").exit())
        .isZero();
    try (StandInEngine engine = StandInEngine.start(store.resolve("certs"), home)) {
      assertThat(cli.run("create", "-d", "none", "--url", engine.url(), "m1").exit()).isZero();

      CliRunner.Result r = cli.run("env", "m1");

      assertThat(r.exit()).isZero();
      assertThat(r.out()).startsWith("export DOCKER_TLS_VERIFY=\"1\"\n");
      assertThat(r.err()).startsWith("Warning: certificate ").contains("expires on ");
    }
  }

  @Test
  void regenerateClientCerts_issuesANewCa_evenWhenTheOldIsValid() throws Exception {
    assertThat(cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "m1").exit()).isZero();
    String caBefore = Files.readString(store.resolve("certs/ca.pem"));
    String clientBefore = Files.readString(store.resolve("certs/cert.pem"));

    CliRunner.Result r = cli.run("regenerate-certs", "-f", "--client-certs", "m1");

    assertThat(r.out())
        .startsWith("Regenerating TLS certificates\nRegenerating local certificates\n");
    assertThat(Files.readString(store.resolve("certs/ca.pem"))).isNotEqualTo(caBefore);
    assertThat(Files.readString(store.resolve("certs/cert.pem"))).isNotEqualTo(clientBefore);
    // a none machine's engine certificate is not ours to replace
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("uses the none driver, which has no SSH access");
  }

  @Test
  void regenerateCerts_declined_changesNothing() throws Exception {
    assertThat(cli.run("create", "-d", "none", "--url", "tcp://127.0.0.1:1", "m1").exit()).isZero();
    String caBefore = Files.readString(store.resolve("certs/ca.pem"));

    CliRunner.Result r = cli.runWithInput("n\n", "regenerate-certs", "--client-certs", "m1");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo("Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): ");
    assertThat(Files.readString(store.resolve("certs/ca.pem"))).isEqualTo(caBefore);
  }
}
