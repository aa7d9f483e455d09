package io.jmachine.cli;

/** The docker-machine release whose behaviour this build reproduces, and our own build. */
final class Version {
  static final String TEXT = "0.16.2, build jmachine";

  private Version() {}
}
