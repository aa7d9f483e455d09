package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BindMountTest {
  @Test
  void parse_sourceAndDestination_becomeAnNspawnBind() {
    BindMount bind = BindMount.parse("/srv/data:/data");
    assertThat(bind.nspawnOption()).isEqualTo("--bind=/srv/data:/data");
    assertThat(bind).hasToString("/srv/data:/data");
  }

  @Test
  void parse_badSpecs_sayWhatIsExpected() {
    assertThatThrownBy(() -> BindMount.parse("/srv/data"))
        .hasMessage("invalid --nspawn-bind \"/srv/data\": expected SRC:DST, e.g. /srv/data:/data");
    assertThatThrownBy(() -> BindMount.parse("data:/data"))
        .hasMessage("invalid --nspawn-bind \"data:/data\": data is not an absolute path");
  }

  @Test
  void requireSource_missingOnTheHost_fails() {
    assertThatThrownBy(() -> BindMount.parse("/no/such/dir:/data").requireSource())
        .hasMessage("--nspawn-bind /no/such/dir:/data: /no/such/dir does not exist on this host");
  }
}
