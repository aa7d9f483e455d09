package io.jmachine.drivers.nspawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {
  @TempDir Path dir;

  private Supervisor.Boot boot(String name) {
    return new Supervisor.Boot(
        name,
        "jmc6336482",
        Path.of("/usr/bin/systemd-nspawn"),
        new MachinePaths(dir.resolve("machines").resolve(name)),
        Path.of("/run/netns/jmc6336482"),
        List.of(Path.of("/sys/fs/cgroup/unified/jmachine-nspawn/jmc6336482")),
        List.of(BindMount.parse("/srv/it's here:/data")));
  }

  @Test
  void nspawnArgs_carryEveryFixAHostWithoutSystemdNeeds() {
    assertThat(Supervisor.nspawnArgs(boot("m1")))
        .contains(
            "--register=no",
            "--keep-unit",
            "--boot",
            "--machine=jmc6336482",
            "--hostname=m1",
            "--network-namespace-path=/run/netns/jmc6336482",
            "--resolv-conf=off",
            "--capability=all",
            "--system-call-filter=@keyring bpf",
            "--bind=" + dir.resolve("machines/m1/nspawn/docker") + ":/var/lib/docker",
            "--bind=/srv/it's here:/data");
  }

  @Test
  void nspawnArgs_nameThatIsNoHostname_keepsTheImagesHostname() {
    assertThat(Supervisor.nspawnArgs(boot("a..b"))).noneMatch(a -> a.startsWith("--hostname"));
  }

  @Test
  void script_isValidBash_withTheUnifiedHierarchyAndRebootLoop() throws IOException {
    String script = Supervisor.script(boot("m1"));
    assertThat(script)
        .contains("SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 ")
        .contains("[ $status = 133 ]")
        .contains("'--bind=/srv/it'\\''s here:/data'");
    Path file = dir.resolve("supervise.sh");
    Files.writeString(file, script);
    NspawnTestSupport.Result syntax =
        NspawnTestSupport.run(List.of("bash", "-n", file.toString()), Duration.ofSeconds(10));
    assertThat(syntax.exit()).as(syntax.err()).isZero();
  }
}
