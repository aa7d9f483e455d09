package io.jmachine.cert;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One {@code -----BEGIN TYPE----- ... -----END TYPE-----} block. Parsed with the JDK alone so that
 * reading certificates for a TLS handshake ({@code env}, {@code ls}) does not load BouncyCastle.
 */
record PemBlock(String type, byte[] der) {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  /** Every complete block in {@code text}, in order; text around the blocks is ignored. */
  static List<PemBlock> parseAll(String text) {
    List<PemBlock> blocks = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.indexOf(BEGIN, from);
      int typeEnd = begin < 0 ? -1 : text.indexOf(DASHES, begin + BEGIN.length());
      if (typeEnd < 0) {
        return blocks;
      }
      String type = text.substring(begin + BEGIN.length(), typeEnd);
      String endLine = END + type + DASHES;
      int end = text.indexOf(endLine, typeEnd);
      if (end < 0) {
        return blocks;
      }
      blocks.add(new PemBlock(type, decode(type, text.substring(typeEnd + DASHES.length(), end))));
      from = end + endLine.length();
    }
  }

  private static byte[] decode(String type, String body) {
    // RFC 1421 headers (Proc-Type, DEK-Info) only appear on encrypted keys, which we cannot use
    if (body.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "the " + type + " block is encrypted, which is not supported");
    }
    try {
      return Base64.getMimeDecoder().decode(body.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the " + type + " block is not valid base64: " + e.getMessage(), e);
    }
  }
}
