package io.jmachine.cert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes files so that readers and killed writers never see a half-written PEM: content goes to a
 * temporary file in the target's directory, is flushed to disk, and is renamed over the target.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** What one file should contain once written. */
  record FileContent(Path target, byte[] bytes, FileMode mode) {}

  static void write(Path target, byte[] bytes, FileMode mode) {
    writeAll(List.of(new FileContent(target, bytes, mode)));
  }

  /**
   * Stages every file before renaming any, so a failure to write (disk full, permissions) leaves
   * all targets untouched; the renames then happen in the given order.
   */
  static void writeAll(List<FileContent> files) {
    List<Path> temporaries = new ArrayList<>();
    try {
      for (FileContent file : files) {
        temporaries.add(stage(file));
      }
      for (int i = 0; i < files.size(); i++) {
        rename(temporaries.get(i), files.get(i).target());
      }
    } finally {
      temporaries.forEach(AtomicFiles::deleteLeftover);
    }
  }

  static void createPrivateDirectory(Path directory) {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      // like Go's MkdirAll(dir, 0700): missing parents are private too
      Files.createDirectories(directory, FileMode.PRIVATE_DIRECTORY.atCreation());
      FileMode.PRIVATE_DIRECTORY.apply(directory);
    } catch (IOException e) {
      throw new CertificateFileException(
          "cannot create directory " + directory + ": " + IoErrors.reason(e), e);
    }
  }

  private static Path stage(FileContent file) {
    Path target = file.target().toAbsolutePath();
    try {
      Path temporary =
          Files.createTempFile(
              target.getParent(),
              "." + target.getFileName(),
              ".tmp",
              // private from the start: a key is never readable by others, even half-written
              FileMode.PRIVATE_FILE.atCreation());
      try {
        writeSynced(temporary, file.bytes());
        file.mode().apply(temporary);
      } catch (IOException e) {
        deleteLeftover(temporary);
        throw e;
      }
      return temporary;
    } catch (IOException e) {
      throw new CertificateFileException("cannot write " + target + ": " + IoErrors.reason(e), e);
    }
  }

  private static void writeSynced(Path temporary, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static void rename(Path temporary, Path target) {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new CertificateFileException("cannot replace " + target + ": " + IoErrors.reason(e), e);
    }
  }

  private static void deleteLeftover(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // nothing more to do: a leftover is a dot-file that no reader looks at
    }
  }
}
