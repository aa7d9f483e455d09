package io.jmachine.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.cert.AtomicFiles.FileContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path directory;

  @Test
  void write_existingFile_replacesContentAndSetsExactMode() throws IOException {
    Path target = directory.resolve("cert.pem");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, Set.of());

    AtomicFiles.write(target, bytes("new"), FileMode.PUBLIC_FILE);

    assertThat(target).hasContent("new");
    assertThat(FileModes.of(target)).isEqualTo("rw-r--r--");
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writeAll_oneFileCannotBeWritten_leavesEveryTargetUntouchedAndNoTemporaries()
      throws IOException {
    Path key = directory.resolve("key.pem");
    Files.writeString(key, "old key");
    Path unwritable = directory.resolve("missing-directory/cert.pem");

    assertThatThrownBy(
            () ->
                AtomicFiles.writeAll(
                    List.of(
                        new FileContent(key, bytes("new key"), FileMode.PRIVATE_FILE),
                        new FileContent(unwritable, bytes("new cert"), FileMode.PUBLIC_FILE))))
        .isInstanceOf(CertificateFileException.class)
        .hasMessage("cannot write " + unwritable + ": no such file or directory");

    assertThat(key).hasContent("old key");
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(key);
    }
  }

  @Test
  void createPrivateDirectory_missingParents_makesThemPrivateToo() {
    Path certs = directory.resolve("store/certs");

    AtomicFiles.createPrivateDirectory(certs);

    assertThat(FileModes.of(certs)).isEqualTo("rwx------");
    assertThat(FileModes.of(certs.getParent())).isEqualTo("rwx------");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
