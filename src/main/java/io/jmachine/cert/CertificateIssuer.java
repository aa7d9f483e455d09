package io.jmachine.cert;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Issues certificates with docker-machine's profile (libmachine/cert): RSA 2048, SHA256withRSA,
 * subject O only, valid from five minutes before the current minute for 1080 days.
 */
final class CertificateIssuer {
  private static final int KEY_BITS = 2048;
  private static final int SERIAL_BITS = 128;
  private static final int VALIDITY_DAYS = 1080;
  // tolerates clocks of machines running a little behind ours
  private static final Duration BACKDATING = Duration.ofMinutes(5);
  private static final int LEAF_KEY_USAGE =
      KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement;

  private final Clock clock;
  private final SecureRandom random;

  CertificateIssuer(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  IssuedCertificate issueCa(String organization) {
    KeyPair keys = generateKeyPair();
    ValidityPeriod validity = validityPeriod();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject(organization),
            serialNumber(),
            validity.notBefore(),
            validity.notAfter(),
            subject(organization),
            keys.getPublic());
    addExtension(
        builder, Extension.keyUsage, true, new KeyUsage(LEAF_KEY_USAGE | KeyUsage.keyCertSign));
    addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(true));
    addExtension(
        builder,
        Extension.subjectKeyIdentifier,
        false,
        extensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys, keys.getPrivate());
  }

  IssuedCertificate issueClient(String organization, SigningAuthority authority) {
    KeyPair keys = generateKeyPair();
    X509v3CertificateBuilder builder = leafBuilder(organization, authority, keys.getPublic());
    addExtension(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    addExtension(
        builder,
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    addLeafConstraints(builder, authority);
    return sign(builder, keys, authority.key());
  }

  /**
   * @param hosts IP literals become IP SANs, everything else DNS SANs; like Go's x509 package, DNS
   *     names are encoded before IP addresses, each kept in the given order
   * @param alsoClientAuth swarm masters present their server certificate as a client too
   */
  IssuedCertificate issueServer(
      String organization, List<String> hosts, boolean alsoClientAuth, SigningAuthority authority) {
    KeyPair keys = generateKeyPair();
    X509v3CertificateBuilder builder = leafBuilder(organization, authority, keys.getPublic());
    addExtension(builder, Extension.keyUsage, true, new KeyUsage(LEAF_KEY_USAGE));
    KeyPurposeId[] purposes =
        alsoClientAuth
            ? new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}
            : new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth};
    addExtension(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
    addLeafConstraints(builder, authority);
    addExtension(builder, Extension.subjectAlternativeName, false, subjectAlternativeNames(hosts));
    return sign(builder, keys, authority.key());
  }

  private X509v3CertificateBuilder leafBuilder(
      String organization, SigningAuthority authority, PublicKey publicKey) {
    ValidityPeriod validity = validityPeriod();
    return new JcaX509v3CertificateBuilder(
        authority.certificate(),
        serialNumber(),
        validity.notBefore(),
        validity.notAfter(),
        subject(organization),
        publicKey);
  }

  private void addLeafConstraints(X509v3CertificateBuilder builder, SigningAuthority authority) {
    addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(false));
    addExtension(
        builder,
        Extension.authorityKeyIdentifier,
        false,
        extensionUtils().createAuthorityKeyIdentifier(authority.certificate().getPublicKey()));
  }

  private static GeneralNames subjectAlternativeNames(List<String> hosts) {
    List<GeneralName> dnsNames = new ArrayList<>();
    List<GeneralName> ipAddresses = new ArrayList<>();
    for (String host : hosts) {
      // a syntax check only: no host name is ever resolved here
      if (IPAddress.isValidIPv4(host) || IPAddress.isValidIPv6(host)) {
        ipAddresses.add(new GeneralName(GeneralName.iPAddress, host));
      } else {
        dnsNames.add(new GeneralName(GeneralName.dNSName, host));
      }
    }
    dnsNames.addAll(ipAddresses);
    return new GeneralNames(dnsNames.toArray(GeneralName[]::new));
  }

  private static X500Name subject(String organization) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organization).build();
  }

  private BigInteger serialNumber() {
    return new BigInteger(SERIAL_BITS, random);
  }

  private record ValidityPeriod(Date notBefore, Date notAfter) {}

  /** Reads the clock once, so both ends come from the same minute. */
  private ValidityPeriod validityPeriod() {
    ZonedDateTime from = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).minus(BACKDATING);
    // calendar days in the local zone, as Go's AddDate counts them
    ZonedDateTime until = from.plusDays(VALIDITY_DAYS);
    return new ValidityPeriod(Date.from(from.toInstant()), Date.from(until.toInstant()));
  }

  private KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate RSA keys", e);
    }
  }

  private static JcaX509ExtensionUtils extensionUtils() {
    try {
      return new JcaX509ExtensionUtils();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no SHA-1 for key identifiers", e);
    }
  }

  private static void addExtension(
      X509v3CertificateBuilder builder,
      ASN1ObjectIdentifier oid,
      boolean critical,
      ASN1Encodable value) {
    try {
      builder.addExtension(oid, critical, value);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode extension " + oid, e);
    }
  }

  private static IssuedCertificate sign(
      X509v3CertificateBuilder builder, KeyPair keys, PrivateKey signingKey) {
    try {
      return new IssuedCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)),
          keys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with SHA256withRSA", e);
    }
  }
}
