package io.jmachine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes that a crash cannot tear: the bytes go to a private temp file in the target's directory,
 * are forced to disk, then renamed over the target in one step.
 */
public final class AtomicFiles {
  public static final Set<PosixFilePermission> PRIVATE_FILE =
      PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> PRIVATE_DIR =
      PosixFilePermissions.fromString("rwx------");

  private AtomicFiles() {}

  public static void write(Path target, byte[] content, Set<PosixFilePermission> mode)
      throws IOException {
    Path tmp =
        Files.createTempFile(
            target.getParent(),
            "." + target.getFileName() + ".tmp",
            "",
            PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      }
      Files.setPosixFilePermissions(tmp, mode);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Creates a directory (and missing parents) readable by the owner only. */
  public static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
      Files.setPosixFilePermissions(dir, PRIVATE_DIR); // the umask may have narrowed it further
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // another process created it first: fine
    }
  }
}
