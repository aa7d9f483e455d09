package io.jmachine.cert;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets the JDK decide whether a server certificate chain is trusted and {@link ServerName} whether
 * it names the host, and words the verdict as Go's crypto/x509 does (which docker-machine users
 * search the web for), e.g. {@code x509: certificate signed by unknown authority}.
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
  /** A rejection whose message is already the one to show. */
  static final class Rejection extends CertificateException {
    Rejection(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final X509ExtendedTrustManager delegate;
  private final String host;

  ExplainingTrustManager(X509ExtendedTrustManager delegate, String host) {
    this.delegate = delegate;
    this.host = host;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw new Rejection(untrusted(chain, e), e);
    }
    try {
      ServerName.verify(host, chain[0]);
    } catch (CertificateException e) {
      throw new Rejection(e.getMessage(), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private static String untrusted(X509Certificate[] chain, CertificateException e) {
    Optional<X509Certificate> outdated =
        Stream.of(chain).filter(ExplainingTrustManager::outsideValidity).findFirst();
    if (outdated.isPresent()) {
      X509Certificate certificate = outdated.get();
      return "x509: certificate has expired or is not yet valid: it is valid from "
          + certificate.getNotBefore().toInstant()
          + " until "
          + certificate.getNotAfter().toInstant();
    }
    if (Causes.of(e).anyMatch(ExplainingTrustManager::isUnknownAuthority)) {
      return "x509: certificate signed by unknown authority";
    }
    return "x509: " + rootCause(e).getMessage();
  }

  private static boolean outsideValidity(X509Certificate certificate) {
    try {
      certificate.checkValidity();
      return false;
    } catch (CertificateException e) {
      return true;
    }
  }

  // no path to the CA, or a path whose signature does not verify: a CA of the same name (O=user)
  private static boolean isUnknownAuthority(Throwable cause) {
    return cause instanceof CertPathBuilderException
        || cause instanceof CertPathValidatorException validatorException
            && (validatorException.getReason() == PKIXReason.NO_TRUST_ANCHOR
                || validatorException.getReason() == BasicReason.INVALID_SIGNATURE);
  }

  private static Throwable rootCause(Throwable e) {
    return Causes.of(e).reduce((outer, inner) -> inner).orElse(e);
  }
}
