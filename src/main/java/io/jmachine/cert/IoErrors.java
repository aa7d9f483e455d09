package io.jmachine.cert;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Short, Go-like reasons for file errors (the JDK's messages are often just the path). */
final class IoErrors {
  private IoErrors() {}

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileSystemException
        && fileSystemException.getReason() != null) {
      return fileSystemException.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
