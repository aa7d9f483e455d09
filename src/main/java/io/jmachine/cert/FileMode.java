package io.jmachine.cert;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The modes docker-machine gives its certificate files; ignored where POSIX modes do not exist. */
enum FileMode {
  PRIVATE_DIRECTORY("rwx------"),
  PUBLIC_FILE("rw-r--r--"),
  PRIVATE_FILE("rw-------");

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Set<PosixFilePermission> permissions;

  FileMode(String symbolic) {
    this.permissions = PosixFilePermissions.fromString(symbolic);
  }

  /** For creating a file with this mode (the umask may still remove bits, see {@link #apply}). */
  FileAttribute<?>[] atCreation() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  /** Sets exactly this mode, whatever the umask. */
  void apply(Path path) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}
