package io.jmachine.gob;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Bytes of one gob message being built, in gob's number encodings. */
final class GobBuffer {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Below 128 one byte; else the negated byte count, then the value big-endian. */
  void writeUint(long value) {
    if (value >= 0 && value < 128) {
      bytes.write((int) value);
      return;
    }
    int length = 8 - Long.numberOfLeadingZeros(value) / 8;
    bytes.write(-length);
    for (int shift = (length - 1) * 8; shift >= 0; shift -= 8) {
      bytes.write((int) (value >>> shift));
    }
  }

  /** The sign moves to the lowest bit, so that small negative numbers stay short. */
  void writeInt(long value) {
    writeUint(value < 0 ? (~value << 1) | 1 : value << 1);
  }

  void writeBytes(byte[] data) {
    writeUint(data.length);
    bytes.writeBytes(data);
  }

  void writeString(String text) {
    writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Another buffer's content, preceded by its length: a message, or a delimited value. */
  void writeDelimited(GobBuffer content) {
    writeBytes(content.toByteArray());
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
