package io.jmachine.cert;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a PKCS#1 RSAPrivateKey (docker-machine's {@code RSA PRIVATE KEY}) in the PKCS#8 envelope
 * the JDK's KeyFactory understands. Twenty lines of DER here keep BouncyCastle off the TLS path.
 */
final class Pkcs1 {
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

  /** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private static final int SEQUENCE = 0x30;
  private static final int OCTET_STRING = 0x04;

  private Pkcs1() {}

  static byte[] toPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(VERSION_0);
    content.writeBytes(RSA_ALGORITHM);
    content.writeBytes(tlv(OCTET_STRING, pkcs1));
    return tlv(SEQUENCE, content.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    out.write(tag);
    if (value.length < 0x80) {
      out.write(value.length);
    } else {
      int lengthBytes = (Integer.SIZE - Integer.numberOfLeadingZeros(value.length) + 7) / 8;
      out.write(0x80 | lengthBytes);
      for (int shift = (lengthBytes - 1) * 8; shift >= 0; shift -= 8) {
        out.write(value.length >>> shift);
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
