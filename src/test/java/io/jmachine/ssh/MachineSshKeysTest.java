package io.jmachine.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineSshKeysTest {
  @TempDir Path dir;

  @Test
  void generate_writesPkcs1PrivateAndSshRsaPublicKey_bothPrivate_thatOpenSshAgreesOn()
      throws Exception {
    Path key = dir.resolve("id_rsa");

    MachineSshKeys.generateIfMissing(key);

    assertThat(Files.readString(key))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
        .endsWith("-----END RSA PRIVATE KEY-----\n");
    String publicKey = Files.readString(dir.resolve("id_rsa.pub"));
    assertThat(publicKey).matches("ssh-rsa AAAA[A-Za-z0-9+/=]+\n");
    for (Path file : new Path[] {key, dir.resolve("id_rsa.pub")}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    Process derive = new ProcessBuilder("ssh-keygen", "-y", "-f", key.toString()).start();
    String derived = new String(derive.getInputStream().readAllBytes());
    assertThat(derive.waitFor()).isZero();
    assertThat(derived).isEqualTo(publicKey);
    Process bits = new ProcessBuilder("ssh-keygen", "-l", "-f", key.toString()).start();
    assertThat(new String(bits.getInputStream().readAllBytes())).startsWith("2048 ");
  }

  @Test
  void generate_keepsAnExistingKey() throws Exception {
    Path key = dir.resolve("id_rsa");
    Files.writeString(key, "mine");

    MachineSshKeys.generateIfMissing(key);

    assertThat(Files.readString(key)).isEqualTo("mine");
    assertThat(dir.resolve("id_rsa.pub")).doesNotExist();
  }
}
