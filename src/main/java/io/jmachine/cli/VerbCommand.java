package io.jmachine.cli;

/**
 * A command the CLI can run. Its model is built with the command object, so a run builds only the
 * model of the verb it runs ({@link Commands}).
 */
public interface VerbCommand {
  CommandModel model();
}
