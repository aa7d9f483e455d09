package io.jmachine.testhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HostFleetTest {

  private static HostScripts scripts;

  @BeforeAll
  static void requireTestHosts() {
    Availability.requireTestHosts();
    scripts = HostScripts.fromEnvironment();
    if (!scripts.imageCached(false)) {
      scripts.buildImage(false);
    }
  }

  @Test
  void close_afterBootFailedHalfWay_removesEveryHost() {
    String taken = HostFleet.uniqueName();
    String fresh = HostFleet.uniqueName();
    scripts.up(taken, false);
    HostFleet fleet = new HostFleet(scripts, List.of(fresh, taken));

    try {
      assertThatThrownBy(() -> fleet.boot(false)).hasMessageContaining("exists already");
      assertThat(scripts.status(fresh)).isEqualTo("running");
    } finally {
      fleet.close();
    }

    assertThat(scripts.status(fresh)).isEqualTo("absent");
    assertThat(scripts.status(taken)).isEqualTo("absent");
    assertThat(Path.of("/run/netns", fresh)).doesNotExist();
  }
}
