package io.jmachine.provision;

import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.CertificateOwner;
import io.jmachine.cert.ServerCertificateIssuer;
import io.jmachine.cert.ServerCertificateRequest;
import io.jmachine.error.MachineException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A machine's certificates on this computer: the CA and client pair copied into its folder, and its
 * server certificate, kept while it still fits the machine and re-issued when it does not, so a
 * machine whose IP changed gets a certificate for the new IP (docker-machine #531).
 */
public final class MachineCertificates implements LocalCertificates {
  /** A server certificate this close to expiry is replaced at the next provisioning. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private final String machineName;
  private final AuthOptions auth;
  private final boolean swarmMaster;
  private final CertificateOwner owner;
  private final Clock clock;

  public MachineCertificates(
      String machineName,
      AuthOptions auth,
      boolean swarmMaster,
      CertificateOwner owner,
      Clock clock) {
    this.machineName = machineName;
    this.auth = auth;
    this.swarmMaster = swarmMaster;
    this.owner = owner;
    this.clock = clock;
  }

  @Override
  public void copyToMachineDirectory() {
    Path dir = Path.of(auth.storePath());
    try {
      copy(Path.of(auth.caCertPath()), dir.resolve("ca.pem"));
      copy(Path.of(auth.clientCertPath()), dir.resolve("cert.pem"));
      copy(Path.of(auth.clientKeyPath()), dir.resolve("key.pem"));
    } catch (IOException e) {
      throw new MachineException("Error copying certificates: " + e.getMessage(), e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.exists(to) && Files.isSameFile(from, to)) {
      return;
    }
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }

  @Override
  public ServerMaterial serverCertificate(String machineIp, boolean fresh) {
    boolean issue = fresh || !fits(machineIp);
    if (issue) {
      new ServerCertificateIssuer(owner, clock)
          .issue(
              new ServerCertificateRequest(
                  machineName,
                  machineIp,
                  auth.serverCertSans() == null ? List.of() : auth.serverCertSans(),
                  swarmMaster,
                  Path.of(auth.caCertPath()),
                  Path.of(auth.caPrivateKeyPath()),
                  Path.of(auth.serverCertPath()),
                  Path.of(auth.serverKeyPath())));
    }
    return new ServerMaterial(
        read(auth.caCertPath()), read(auth.serverCertPath()), read(auth.serverKeyPath()), issue);
  }

  /** Whether a server certificate is stored at all (not before the first provisioning). */
  public boolean hasServerCertificate() {
    return Files.exists(Path.of(auth.serverCertPath()));
  }

  /**
   * Whether the stored server certificate still fits: signed by the machine's CA, valid for more
   * than {@link #RENEW_BEFORE}, with every SAN the machine needs ({@code --tls-san} values, {@code
   * machineIp}, localhost) and client use for swarm masters.
   */
  public boolean fits(String machineIp) {
    Path certFile = Path.of(auth.serverCertPath());
    Path keyFile = Path.of(auth.serverKeyPath());
    if (!Files.isRegularFile(certFile) || !Files.isRegularFile(keyFile)) {
      return false;
    }
    try {
      X509Certificate server = parse(certFile);
      X509Certificate ca = parse(Path.of(auth.caCertPath()));
      server.verify(ca.getPublicKey());
      Instant now = clock.instant();
      server.checkValidity(java.util.Date.from(now));
      if (server.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
        return false;
      }
      if (swarmMaster
          && (server.getExtendedKeyUsage() == null
              || !server.getExtendedKeyUsage().contains(CLIENT_AUTH))) {
        return false;
      }
      Set<String> present = sans(server);
      List<String> wanted = new ArrayList<>();
      if (auth.serverCertSans() != null) {
        wanted.addAll(auth.serverCertSans());
      }
      wanted.add(machineIp);
      wanted.add("localhost");
      for (String name : wanted) {
        if (!present.contains(normalize(name))) {
          return false;
        }
      }
      return true;
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      return false;
    }
  }

  /** The names a certificate answers to, IPs in canonical form, DNS names lower-cased. */
  static Set<String> sans(X509Certificate cert) throws CertificateParsingException {
    Set<String> names = new HashSet<>();
    Collection<List<?>> all = cert.getSubjectAlternativeNames();
    if (all == null) {
      return names;
    }
    for (List<?> san : all) {
      int type = (Integer) san.get(0);
      if (type == SAN_DNS || type == SAN_IP) {
        names.add(normalize(san.get(1).toString()));
      }
    }
    return names;
  }

  /** An IP literal in canonical form (no DNS lookup), anything else lower-cased. */
  static String normalize(String name) {
    if (IPV4.matcher(name).matches() || name.contains(":")) {
      try {
        return "ip:" + InetAddress.getByName(name).getHostAddress();
      } catch (UnknownHostException e) {
        return name.toLowerCase(Locale.ROOT);
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static X509Certificate parse(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MachineException("Error reading " + file + ": " + e.getMessage(), e);
    }
  }
}
