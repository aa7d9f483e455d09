package io.jmachine.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsFileTest {
  @TempDir Path dir;

  @Test
  void add_writesOpenSshLines_privately_withBracketsForOtherPorts() throws Exception {
    KnownHostsFile file = new KnownHostsFile(dir.resolve("known_hosts"));
    file.add("10.0.0.1", 22, new KnownHostsFile.Pin("ssh-rsa", "AAAA1"));
    file.add("10.0.0.1", 2222, new KnownHostsFile.Pin("ecdsa-sha2-nistp256", "AAAA2"));

    assertThat(Files.readString(file.path()))
        .isEqualTo("10.0.0.1 ssh-rsa AAAA1\n[10.0.0.1]:2222 ecdsa-sha2-nistp256 AAAA2\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
        .isEqualTo("rw-------");
    assertThat(file.pinsFor("10.0.0.1", 22))
        .containsExactly(new KnownHostsFile.Pin("ssh-rsa", "AAAA1"));
    assertThat(file.pinsFor("10.0.0.1", 2222)).hasSize(1);
    assertThat(file.hasPinFor("10.0.0.2", 22)).isFalse();
  }

  @Test
  void pinsFor_readsHashedAndListedNames_skipsCommentsAndMarkers() throws Exception {
    Path path = dir.resolve("known_hosts");
    Files.writeString(
        path,
        "# comment\n"
            + "@revoked 10.0.0.1 ssh-rsa AAAAold\n"
            + "other,10.0.0.1 ssh-ed25519 AAAAlist\n"
            // ssh-keygen -H of "10.0.0.1"
            + hashedLine()
            + "\n");

    assertThat(new KnownHostsFile(path).pinsFor("10.0.0.1", 22))
        .extracting(KnownHostsFile.Pin::base64)
        .containsExactly("AAAAlist", "AAAAhashed");
  }

  private String hashedLine() throws Exception {
    Path plain = dir.resolve("plain");
    Files.writeString(plain, "10.0.0.1 ssh-rsa AAAAhashed\n");
    Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", plain.toString()).start();
    hash.getInputStream().readAllBytes();
    hash.waitFor();
    return Files.readString(plain).strip();
  }
}
