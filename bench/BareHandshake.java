import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * The least any JVM program can do for `env`'s check: read the CA, the client certificate and its
 * key (PKCS#8 here, so that no conversion is timed), make one TLS 1.2 handshake with client
 * authentication against the engine, and exit. No command line, no store, no host name check.
 *
 * <p>java BareHandshake CA.pem CERT.pem KEY-PKCS8.pem HOST PORT
 */
public class BareHandshake {
  public static void main(String[] args) throws Exception {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    X509Certificate ca = (X509Certificate) x509.generateCertificate(Files.newInputStream(Path.of(args[0])));
    X509Certificate cert = (X509Certificate) x509.generateCertificate(Files.newInputStream(Path.of(args[1])));
    String pem = Files.readString(Path.of(args[2]));
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));

    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", ca);
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLSv1.2");
    context.init(new KeyManager[] {new OneKey(cert, key)}, trust.getTrustManagers(), null);
    try (Socket plain = new Socket(args[3], Integer.parseInt(args[4]));
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, args[3], plain.getPort(), true)) {
      tls.setEnabledProtocols(new String[] {"TLSv1.2"});
      tls.startHandshake();
    }
    System.out.println("handshake done");
  }

  private static final class OneKey implements X509KeyManager {
    private final X509Certificate cert;
    private final PrivateKey key;

    OneKey(X509Certificate cert, PrivateKey key) {
      this.cert = cert;
      this.key = key;
    }

    @Override
    public String chooseClientAlias(String[] types, Principal[] issuers, Socket socket) {
      return "client";
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {cert};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key;
    }

    @Override
    public String[] getClientAliases(String type, Principal[] issuers) {
      return new String[] {"client"};
    }

    @Override
    public String[] getServerAliases(String type, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String type, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
