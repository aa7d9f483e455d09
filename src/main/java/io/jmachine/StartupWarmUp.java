package io.jmachine;

import io.jmachine.json.GoJson;
import io.jmachine.json.JsonSyntaxException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One-time JDK and library set-up that every everyday command meets in the same order, done on a
 * daemon thread while the main thread starts parsing the command line: the main thread then finds
 * it done, or waits only for the rest of it. A plain class and not a lambda, so that starting it
 * does not itself wait for the lambda machinery.
 */
final class StartupWarmUp implements Runnable {
  private StartupWarmUp() {}

  static void start() {
    Thread thread = new Thread(new StartupWarmUp(), "startup-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    // the first lambda of a process bootstraps java.lang.invoke (~5 ms cold); picocli has one
    // within milliseconds of start
    Supplier<String> lambda = () -> "";
    lambda.get();
    // picocli compiles patterns for every command model it builds
    Pattern.compile("^-[a-z]+$").matcher("-x").matches();
    try {
      // Jackson's parser classes hold BigDecimal constants, and from JDK 21 on BigDecimal's class
      // initialisation squares large numbers in the interpreter (~10 ms)
      GoJson.parse("{}");
    } catch (JsonSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
