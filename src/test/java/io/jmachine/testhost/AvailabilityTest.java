package io.jmachine.testhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class AvailabilityTest {

  private static final Optional<Integer> ROOT = Optional.of(0);

  @Test
  void missingPrerequisite_rootWithAllTools_isNone() {
    assertThat(Availability.missingPrerequisite(ROOT, tool -> true)).isEmpty();
  }

  @Test
  void missingPrerequisite_otherUser_asksForRoot() {
    assertThat(Availability.missingPrerequisite(Optional.of(1000), tool -> true))
        .hasValueSatisfying(reason -> assertThat(reason).contains("need root"));
  }

  @Test
  void missingPrerequisite_noProcFileSystem_asksForLinux() {
    assertThat(Availability.missingPrerequisite(Optional.empty(), tool -> true))
        .hasValueSatisfying(reason -> assertThat(reason).contains("need Linux"));
  }

  @Test
  void missingPrerequisite_missingTools_namesThemAndTheSetupScript() {
    Optional<String> reason =
        Availability.missingPrerequisite(
            ROOT, tool -> !tool.equals("debootstrap") && !tool.equals("systemd-nspawn"));

    assertThat(reason)
        .hasValueSatisfying(
            text ->
                assertThat(text).contains("systemd-nspawn, debootstrap", "testhost/ci-setup.sh"));
  }

  @Test
  void requireOrSkip_prerequisiteMissingOutsideCi_skips() {
    assertThatThrownBy(() -> Availability.requireOrSkip(Optional.of("no root"), Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no root");
  }

  @Test
  void requireOrSkip_prerequisiteMissingInCi_fails() {
    assertThatThrownBy(
            () -> Availability.requireOrSkip(Optional.of("no root"), Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no root");
  }

  @Test
  void requireOrSkip_nothingMissing_inCi_passes() {
    assertThatCode(() -> Availability.requireOrSkip(Optional.empty(), Map.of("CI", "true")))
        .doesNotThrowAnyException();
  }
}
