package io.jmachine.cert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The body of one of the separate JVMs started by {@link ConcurrentBootstrapTest}: announces that
 * it has started, waits for the start file so that all processes race at once, then bootstraps.
 */
public final class BootstrapInAnotherProcess {
  private BootstrapInAnotherProcess() {}

  public static void main(String[] args) throws InterruptedException {
    Path certsDirectory = Path.of(args[0]);
    Path startSignal = Path.of(args[1]);
    System.out.println("ready");
    System.out.flush();
    while (!Files.exists(startSignal)) {
      Thread.sleep(1);
    }
    new CertificateBootstrap(new CertificateOwner("alice"), Clock.systemUTC(), System.out::println)
        .bootstrap(CertificatePaths.inDirectory(certsDirectory));
  }
}
