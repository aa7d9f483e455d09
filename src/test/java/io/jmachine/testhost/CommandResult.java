package io.jmachine.testhost;

/** What a finished command left behind. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Returns this result, or throws with the command's error output if it failed. */
  public CommandResult orThrow(String what) {
    if (!succeeded()) {
      throw new IllegalStateException(
          what + " failed with exit code " + exitCode + ": " + stderr.strip() + stdout.strip());
    }
    return this;
  }
}
