package io.jmachine.machine;

import io.jmachine.driver.MachineState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Whether a machine's provisioning finished, kept in {@code
 * STORE/machines/NAME/provisioning-status} (docker-machine ignores the file). It is written when
 * provisioning starts, replaced by the error when it fails and removed when it succeeds, so a
 * create that failed or was killed half-way shows as Error in `ls` until `provision` completes it
 * or `rm` removes the machine (docker-machine #119).
 */
public final class ProvisionStatus {
  static final String FILE = "provisioning-status";
  private static final String RUNNING = "running ";
  private static final String FAILED = "failed\n";

  private ProvisionStatus() {}

  /** What `ls` shows for an unfinished provisioning. */
  public record Problem(MachineState state, String error) {}

  public static void started(Path machineDir) {
    write(machineDir, RUNNING + ProcessHandle.current().pid() + "\n");
  }

  public static void failed(Path machineDir, String message) {
    write(machineDir, FAILED + message + "\n");
  }

  public static void succeeded(Path machineDir) {
    try {
      Files.deleteIfExists(machineDir.resolve(FILE));
    } catch (IOException e) {
      // the next ls reports the stale status; provisioning itself succeeded
    }
  }

  /**
   * The machine's unfinished provisioning, if any: Starting while the provisioning process still
   * runs, Error once it failed or its process is gone.
   */
  public static Optional<Problem> read(Path machineDir, String machineName) {
    Path file = machineDir.resolve(FILE);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    String retry =
        "; run `docker-machine provision "
            + machineName
            + "` to finish it or `docker-machine rm "
            + machineName
            + "`";
    if (text.startsWith(RUNNING)) {
      long pid;
      try {
        pid = Long.parseLong(text.substring(RUNNING.length()).strip());
      } catch (NumberFormatException e) {
        pid = -1;
      }
      if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return Optional.of(new Problem(MachineState.STARTING, "Provisioning in progress"));
      }
      return Optional.of(new Problem(MachineState.ERROR, "Provisioning was interrupted" + retry));
    }
    String message = text.startsWith(FAILED) ? text.substring(FAILED.length()) : text;
    String first = message.lines().findFirst().orElse("").strip();
    return Optional.of(new Problem(MachineState.ERROR, "Provisioning failed: " + first + retry));
  }

  private static void write(Path machineDir, String content) {
    try {
      Path tmp = Files.createTempFile(machineDir, FILE, ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, machineDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the status is a convenience for ls; provisioning goes on without it
    }
  }
}
