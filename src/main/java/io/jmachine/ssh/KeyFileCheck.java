package io.jmachine.ssh;

import io.jmachine.error.MachineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** docker-machine's checks on a private key before handing it to ssh (spec §8.1). */
final class KeyFileCheck {
  private KeyFileCheck() {}

  static void requireUsable(Path key) {
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(key);
    } catch (NoSuchFileException e) {
      throw new MachineException("stat " + key + ": no such file or directory");
    } catch (IOException e) {
      throw new MachineException("stat " + key + ": " + e.getMessage(), e);
    }
    if (!mode.contains(PosixFilePermission.OWNER_READ)) {
      throw new MachineException("'" + key + "' is not readable");
    }
    int bits = 0;
    for (PosixFilePermission p : mode) {
      bits |= 1 << (8 - p.ordinal());
    }
    if ((bits & 0077) != 0) {
      throw new MachineException(
          String.format("permissions %04o for '%s' are too open", bits, key));
    }
  }
}
