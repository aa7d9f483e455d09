package io.jmachine.cli;

import io.jmachine.cli.output.Console;
import io.jmachine.error.MachineException;
import io.jmachine.machine.PreCreateCheckException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The one place that turns a failure into stderr lines and an exit code. */
final class ErrorHandler {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int USAGE = 1;
  static final int PRE_CREATE_CHECK = 3;

  private final Console console;
  private final boolean debug;

  ErrorHandler(Console console, boolean debug) {
    this.console = console;
    this.debug = debug;
  }

  int handle(Throwable failure) {
    if (debug) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      console.error(trace.toString().stripTrailing());
    }
    if (failure instanceof MachineException) {
      console.error(failure.getMessage());
      return failure instanceof PreCreateCheckException ? PRE_CREATE_CHECK : ERROR;
    }
    // a bug, not a user error: still one line, and the trace with --debug
    console.error("Error: " + failure);
    return ERROR;
  }
}
