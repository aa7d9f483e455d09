package io.jmachine.cli;

/** The `help` verb: which command's help to show, or null for the command list. */
public interface HelpTopic {
  String topic();
}
