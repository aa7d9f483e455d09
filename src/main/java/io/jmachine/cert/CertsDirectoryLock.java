package io.jmachine.cert;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * An exclusive lock on a certs directory that other processes respect (docker-machine #3634, #4005:
 * parallel creates each made their own CA). The lock file stays in place: deleting it would let two
 * processes lock two different files.
 */
final class CertsDirectoryLock implements AutoCloseable {
  static final String FILE_NAME = ".bootstrap.lock";

  private final FileChannel channel;

  private CertsDirectoryLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Blocks until no other process holds the lock; the OS releases it if this process dies. */
  static CertsDirectoryLock acquire(Path certsDirectory) {
    Path file = certsDirectory.resolve(FILE_NAME);
    try {
      FileChannel channel =
          FileChannel.open(
              file,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              FileMode.PRIVATE_FILE.atCreation());
      try {
        channel.lock();
        return new CertsDirectoryLock(channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new CertificateFileException("cannot lock " + file + ": " + IoErrors.reason(e), e);
    }
  }

  /** Closing the channel releases the lock. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new CertificateFileException(
          "cannot unlock " + FILE_NAME + ": " + IoErrors.reason(e), e);
    }
  }
}
