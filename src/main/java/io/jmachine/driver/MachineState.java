package io.jmachine.driver;

/** docker-machine's state enum; the ordinal is what plugins transport, the label what users see. */
public enum MachineState {
  NONE(""),
  RUNNING("Running"),
  PAUSED("Paused"),
  SAVED("Saved"),
  STOPPED("Stopped"),
  STOPPING("Stopping"),
  STARTING("Starting"),
  ERROR("Error"),
  TIMEOUT("Timeout");

  private final String label;

  MachineState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
