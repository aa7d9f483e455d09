package io.jmachine.testhost;

/** What a finished command left behind. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Returns this result, or throws with the command's error output if it failed. */
  public CommandResult orThrow(String what) {
    if (!succeeded()) {
      String output = (stderr.strip() + "\n" + stdout.strip()).strip();
      throw new IllegalStateException(what + " failed with exit code " + exitCode + ": " + output);
    }
    return this;
  }
}
