package io.jmachine.ssh;

import io.jmachine.error.MachineException;
import io.jmachine.store.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The key pair docker-machine makes for drivers that create the machine themselves (spec §10.1):
 * RSA 2048, the private key as PKCS#1 PEM, the public key as "ssh-rsa BASE64\n" without comment,
 * both 0600. An existing private key is kept.
 */
public final class MachineSshKeys {
  private static final int BITS = 2048;

  private MachineSshKeys() {}

  /** Writes {@code privateKey} and {@code privateKey}.pub unless the private key exists. */
  public static void generateIfMissing(Path privateKey) {
    if (Files.exists(privateKey)) {
      return;
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(BITS);
      KeyPair pair = generator.generateKeyPair();
      AtomicFiles.write(
          privateKey.resolveSibling(privateKey.getFileName() + ".pub"),
          publicKeyLine((RSAPublicKey) pair.getPublic()).getBytes(StandardCharsets.US_ASCII),
          AtomicFiles.PRIVATE_FILE);
      AtomicFiles.write(
          privateKey, pkcs1Pem(pair).getBytes(StandardCharsets.US_ASCII), AtomicFiles.PRIVATE_FILE);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new MachineException(
          "Error generating SSH key " + privateKey + ": " + e.getMessage(), e);
    }
  }

  static String publicKeyLine(RSAPublicKey key) throws IOException {
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(blob);
    writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
    writeString(out, key.getPublicExponent().toByteArray());
    writeString(out, key.getModulus().toByteArray());
    return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + "\n";
  }

  private static void writeString(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String pkcs1Pem(KeyPair pair) throws IOException {
    byte[] pkcs1 =
        PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded())
            .parsePrivateKey()
            .toASN1Primitive()
            .getEncoded();
    StringWriter text = new StringWriter();
    try (PemWriter pem = new PemWriter(text)) {
      pem.writeObject(new PemObject("RSA PRIVATE KEY", pkcs1));
    }
    return text.toString();
  }
}
