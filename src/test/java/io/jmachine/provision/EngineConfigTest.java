package io.jmachine.provision;

import static io.jmachine.provision.FakeMachine.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.engine.EngineOptions;
import io.jmachine.error.MachineException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values reach the daemon intact: quoted for systemd, or refused before anything changes. */
class EngineConfigTest {
  private static String dropIn(EngineOptions options) {
    return EngineConfig.of(options, "generic", "/usr/sbin/dockerd", 2376, "overlay2", "/etc/docker")
        .systemdDropIn();
  }

  @Test
  void envWithSpacesQuotesPercentAndDollar_isQuotedForSystemd_notMangled() {
    String unit =
        dropIn(
            engine(
                List.of(),
                List.of("X=a b", "Q=say \"hi\" 100% $HOME \\"),
                List.of(),
                List.of(),
                List.of(),
                "",
                ""));

    assertThat(unit).endsWith("\nEnvironment=\"X=a b\" \"Q=say \\\"hi\\\" 100%% $HOME \\\\\" \n");
  }

  @Test
  void labelsAndOptsWithSpacesOrDollars_becomeOneQuotedWord() {
    String unit =
        dropIn(
            engine(
                List.of("note=two words", "cost=$5"),
                List.of(),
                List.of("log-opt=tag=a b"),
                List.of(),
                List.of(),
                "",
                ""));

    assertThat(unit)
        .contains(
            "--label \"note=two words\" --label \"cost=$$5\" --label provider=generic"
                + " \"--log-opt=tag=a b\" \n");
  }

  @Test
  void newlineInAnyValue_isRefused_neverAnExtraUnitLine() {
    for (EngineOptions bad :
        List.of(
            engine(
                List.of("a=b\nExecStartPre=/bin/evil"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "",
                ""),
            engine(List.of(), List.of("A=1\nB=2"), List.of(), List.of(), List.of(), "", ""),
            engine(List.of(), List.of(), List.of("dns=1.1.1.1\r"), List.of(), List.of(), "", ""),
            engine(List.of(), List.of(), List.of(), List.of("r:5000\n"), List.of(), "", ""),
            engine(List.of(), List.of(), List.of(), List.of(), List.of("http://m\t"), "", ""),
            engine(List.of(), List.of(), List.of(), List.of(), List.of(), "overlay2\n", ""))) {
      assertThatThrownBy(() -> EngineConfig.validate(bad))
          .isInstanceOf(MachineException.class)
          .hasMessageContaining("line break or another control character");
    }
  }

  @Test
  void labelWithNewline_messageNamesTheFlagAndShowsTheValue() {
    assertThatThrownBy(
            () ->
                EngineConfig.validate(
                    engine(List.of("a=b\nc"), List.of(), List.of(), List.of(), List.of(), "", "")))
        .hasMessage(
            "Invalid --engine-label \"a=b\\nc\": it contains a line break or another control"
                + " character, which the Docker daemon's configuration cannot hold");
  }

  @Test
  void envWithoutName_isRefused() {
    assertThatThrownBy(
            () ->
                EngineConfig.validate(
                    engine(List.of(), List.of("=x"), List.of(), List.of(), List.of(), "", "")))
        .hasMessage(
            "Invalid --engine-env \"=x\": expected NAME=value, NAME made of letters, digits and"
                + " underscores");
    assertThatThrownBy(
            () ->
                EngineConfig.validate(
                    engine(List.of(), List.of("NOVALUE"), List.of(), List.of(), List.of(), "", "")))
        .hasMessageStartingWith("Invalid --engine-env \"NOVALUE\"");
  }

  @Test
  void optWithLeadingDashes_isRefused() {
    assertThatThrownBy(
            () ->
                EngineConfig.validate(
                    engine(List.of(), List.of(), List.of("--debug"), List.of(), List.of(), "", "")))
        .hasMessageStartingWith("Invalid --engine-opt \"--debug\"");
  }

  @Test
  void upstartOptions_refuseWhatItsShellSplittingWouldBreak() {
    EngineConfig config =
        EngineConfig.of(
            engine(List.of("note=two words"), List.of(), List.of(), List.of(), List.of(), "", ""),
            "generic",
            "",
            2376,
            "overlay2",
            "/etc/docker");

    assertThatThrownBy(() -> config.upstartOptions("ubuntu(upstart)"))
        .hasMessageStartingWith(
            "Invalid --engine-label \"note=two words\": ubuntu(upstart) passes Docker's options"
                + " through a shell variable split on spaces");
  }

  @Test
  void upstartExports_areDoubleQuotedForSh() {
    String file =
        EngineConfig.of(
                engine(
                    List.of(), List.of("X=a b $c \"d\""), List.of(), List.of(), List.of(), "", ""),
                "generic",
                "",
                2376,
                "overlay2",
                "/etc/docker")
            .upstartOptions("ubuntu(upstart)");

    assertThat(file).endsWith("'\nexport \"X=a b \\$c \\\"d\\\"\"\n\n");
  }

  @Test
  void systemdQuote_leavesPlainWordsAlone() {
    assertThat(SystemdQuote.arg("provider=generic")).isEqualTo("provider=generic");
    assertThat(SystemdQuote.arg("http://m:5000/x")).isEqualTo("http://m:5000/x");
    assertThat(SystemdQuote.arg("a%b")).isEqualTo("\"a%%b\"");
    assertThat(SystemdQuote.arg("")).isEqualTo("\"\"");
  }
}
