package io.jmachine.cert;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's one-time TLS set-up, done on a second thread while the command line is parsed and the
 * machine's config is read, for the commands that will shake hands with an engine (env, config,
 * ls). A first handshake in a fresh JVM spends most of its time here, not on the network; what is
 * done twice is only looked up the second time. Nothing is read from the store and nothing is
 * printed, so it cannot change what the command does.
 */
public final class TlsWarmUp {
  private TlsWarmUp() {}

  public static void start() {
    Thread thread = new Thread(TlsWarmUp::run, "tls-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      // the first certificate parsed asks for the security event logger, and finding the logging
      // back-end makes the class loader open every jar on the class path
      System.getLogger("jdk.event.security").isLoggable(System.Logger.Level.DEBUG);
      CertificateFactory.getInstance("X.509");
      KeyFactory.getInstance("RSA");
      KeyStore.getInstance(KeyStore.getDefaultType()).load(null, null);
      TrustManagerFactory.getInstance("PKIX");
      // JSSE's tables of cipher suites, named groups and signature schemes: no trust store is read
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[0], new TrustManager[0], null);
      context.createSSLEngine().getSSLParameters();
    } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
      // the command itself will meet the same problem and report it
    }
  }
}
