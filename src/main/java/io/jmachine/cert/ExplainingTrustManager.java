package io.jmachine.cert;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets the JDK decide whether a server certificate is trusted, and turns its verdict into the short
 * reasons Go's crypto/x509 gives (which docker-machine users search the web for), e.g. {@code x509:
 * certificate is valid for 1.2.3.4, not 5.6.7.8}.
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
  /** A rejection whose message is already the one to show. */
  static final class Rejection extends CertificateException {
    Rejection(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

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
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      // again without the socket, the chain alone: a failure then is about trust, not names
      try {
        delegate.checkServerTrusted(chain, authType);
      } catch (CertificateException untrusted) {
        throw new Rejection(untrusted(chain, untrusted), untrusted);
      }
      throw new Rejection(isNameMismatch(e) ? nameMismatch(chain[0]) : e.getMessage(), e);
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

  // the JDK's HostnameChecker words these as "No subject alternative ..." / "No name matching ..."
  private static boolean isNameMismatch(CertificateException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith("No subject alternative") || message.startsWith("No name matching");
  }

  /** Go's x509.HostnameError wording. */
  private String nameMismatch(X509Certificate certificate) {
    boolean ipHost = HostPort.isIpLiteral(host);
    List<String> names = subjectAlternativeNames(certificate, ipHost ? IP_ADDRESS : DNS_NAME);
    if (ipHost && names.isEmpty()) {
      return "x509: cannot validate certificate for "
          + host
          + " because it doesn't contain any IP SANs";
    }
    if (names.isEmpty()) {
      return "x509: certificate is not valid for any names, but wanted to match " + host;
    }
    return "x509: certificate is valid for " + String.join(", ", names) + ", not " + host;
  }

  private static List<String> subjectAlternativeNames(X509Certificate certificate, int type) {
    try {
      return certificate.getSubjectAlternativeNames() == null
          ? List.of()
          : certificate.getSubjectAlternativeNames().stream()
              .filter(name -> name.get(0) instanceof Integer tag && tag == type)
              .map(name -> String.valueOf(name.get(1)))
              .collect(Collectors.toList());
    } catch (CertificateException e) {
      return List.of();
    }
  }

  private static Throwable rootCause(Throwable e) {
    return Causes.of(e).reduce((outer, inner) -> inner).orElse(e);
  }
}
