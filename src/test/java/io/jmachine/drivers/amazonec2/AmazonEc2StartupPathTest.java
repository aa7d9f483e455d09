package io.jmachine.drivers.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.Main;
import io.jmachine.cli.CliRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK is a few thousand classes: commands on a store without amazonec2 machines must not
 * load any of it. Checked structurally, in a fresh JVM's class-loading log.
 */
class AmazonEc2StartupPathTest {
  @TempDir Path home;

  @Test
  void lsUrlEnv_storeWithoutEc2Machines_loadNoAwsSdkClass() throws Exception {
    Path store = home.resolve("store");
    CliRunner.Result created =
        new CliRunner(store).run("create", "-d", "none", "--url", "tcp://127.0.0.1:9", "n1");
    assertThat(created.exit()).as(created.err()).isZero();

    for (List<String> command :
        List.of(List.of("ls"), List.of("url", "n1"), List.of("env", "n1"))) {
      List<String> argv = new ArrayList<>();
      argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      argv.add("-Xlog:class+load=info");
      argv.add("-cp");
      argv.add(System.getProperty("java.class.path"));
      argv.add(Main.class.getName());
      argv.add("-s");
      argv.add(store.toString());
      argv.addAll(command);
      ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
      builder.environment().put("HOME", home.toString());
      builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      Process process = builder.start();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

      // the driver registry, with this driver's factory, was built: the path was really taken
      assertThat(log)
          .as(String.join(" ", command))
          .contains(AmazonEc2DriverFactory.class.getName());
      assertThat(log).as(String.join(" ", command)).doesNotContain("software.amazon");
      assertThat(log)
          .as(String.join(" ", command))
          .doesNotContain(SdkEc2Api.class.getName())
          .doesNotContain(AwsCredentialSources.class.getName());
    }
  }
}
