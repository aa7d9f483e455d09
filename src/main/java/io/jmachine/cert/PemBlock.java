package io.jmachine.cert;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -----BEGIN TYPE----- ... -----END TYPE-----} block. Parsed with the JDK alone so that
 * reading certificates for a TLS handshake ({@code env}, {@code ls}) does not load BouncyCastle.
 */
record PemBlock(String type, byte[] der) {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** Every well-formed block in {@code text}, in order; text around the blocks is ignored. */
  static List<PemBlock> parseAll(String text) {
    List<PemBlock> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(text);
    while (matcher.find()) {
      String body = matcher.group(2);
      // RFC 1421 headers (Proc-Type, DEK-Info) only appear on encrypted keys, which we cannot use
      if (body.contains(":")) {
        throw new IllegalArgumentException(
            "the " + matcher.group(1) + " block is encrypted, which is not supported");
      }
      blocks.add(new PemBlock(matcher.group(1), decode(matcher.group(1), body)));
    }
    return blocks;
  }

  private static byte[] decode(String type, String body) {
    try {
      return Base64.getMimeDecoder().decode(body.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the " + type + " block is not valid base64: " + e.getMessage(), e);
    }
  }
}
