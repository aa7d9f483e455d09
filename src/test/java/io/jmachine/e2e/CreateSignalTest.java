package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.fakes.FakeDigitalOcean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create stopped by SIGTERM (what `timeout` and CI runners send) still records what its driver
 * made, so that `rm` removes it: here a droplet that never got an address.
 */
class CreateSignalTest {
  @TempDir Path dir;

  @Test
  void sigterm_whileWaitingForTheDroplet_savesItsId_andRmDeletesIt() throws Exception {
    try (FakeDigitalOcean api = new FakeDigitalOcean()) {
      api.pollsUntilAddress(Integer.MAX_VALUE);
      MachineCli cli = new MachineCli(dir);
      cli.env.put("DIGITALOCEAN_API_URL", api.url());
      cli.env.put("DIGITALOCEAN_ACCESS_TOKEN", FakeDigitalOcean.TOKEN);
      ProcessBuilder pb =
          new ProcessBuilder(cli.bin.toString(), "create", "-d", "digitalocean", "do1")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("output").toFile());
      pb.environment().clear();
      pb.environment().putAll(cli.env);
      Process create = pb.start();
      try {
        for (int i = 0; i < 300 && !waitingForAddress(api); i++) {
          Thread.sleep(100);
        }
        assertThat(waitingForAddress(api)).as(Files.readString(dir.resolve("output"))).isTrue();

        new ProcessBuilder("kill", "-TERM", Long.toString(create.pid())).start().waitFor();
        assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
      } finally {
        create.destroyForcibly();
      }
      int droplet = api.droplets().keySet().iterator().next();
      assertThat(Files.readString(cli.store.resolve("machines/do1/config.json")))
          .as(Files.readString(dir.resolve("output")))
          .contains("\"DropletID\": " + droplet + ",");

      Tools.Result removed = cli.run("rm", "-y", "do1");

      assertThat(removed.exit()).as(removed.out() + removed.err()).isZero();
      assertThat(api.requestLines()).contains("DELETE /v2/droplets/" + droplet);
      assertThat(api.droplets()).isEmpty();
    }
  }

  private static boolean waitingForAddress(FakeDigitalOcean api) {
    List<String> lines = api.requestLines();
    return lines.stream().anyMatch(l -> l.startsWith("GET /v2/droplets/"));
  }
}
