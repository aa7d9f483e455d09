package io.jmachine.gob;

import io.jmachine.gob.GobType.Basic;
import io.jmachine.gob.GobType.Field;
import io.jmachine.gob.GobType.MapOf;
import io.jmachine.gob.GobType.SliceOf;
import io.jmachine.gob.GobType.StructOf;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a gob stream as Go's gob.Decoder does, into generic values (see {@link GobType}). Structs
 * become maps holding the fields that were sent: gob leaves zero values out.
 */
public final class GobDecoder {
  private static final Map<Integer, Basic> PREDEFINED = new HashMap<>();

  static {
    for (Basic basic : Basic.values()) {
      PREDEFINED.put(basic.id(), basic);
    }
  }

  private final InputStream in;
  private final Map<Integer, WireType> definitions = new HashMap<>();
  private final Map<Integer, GobType> resolved = new HashMap<>();
  private byte[] message = new byte[0];
  private int position;

  public GobDecoder(InputStream in) {
    this.in = in;
  }

  /** The next value; EOFException when the stream ends cleanly before it. */
  public Object decode() throws IOException {
    GobType type = typeOf(typeSequence(false));
    return readTopLevel(type);
  }

  /** Type definitions up to the next value's type id, as Go's decodeTypeSequence reads them. */
  private int typeSequence(boolean inInterface) throws IOException {
    boolean first = true;
    while (true) {
      if (position == message.length && !receiveMessage()) {
        throw new EOFException(first ? "EOF" : "unexpected EOF");
      }
      int id = (int) readInt();
      if (id >= 0) {
        return id;
      }
      definitions.put(-id, readWireType());
      if (position < message.length) {
        if (!inInterface) {
          throw new GobException("extra data in buffer");
        }
        readUint(); // the count of the delimited value that follows an inline definition
      }
      first = false;
    }
  }

  private boolean receiveMessage() throws IOException {
    int first = in.read();
    if (first < 0) {
      return false;
    }
    long length = first < 128 ? first : readBigUint(first, in);
    if (length <= 0 || length > (1 << 30)) {
      throw new GobException("invalid message length " + length);
    }
    message = in.readNBytes((int) length);
    position = 0;
    if (message.length != length) {
      throw new EOFException("gob: unexpected EOF");
    }
    return true;
  }

  private static long readBigUint(int lead, InputStream stream) throws IOException {
    int count = 256 - lead;
    if (count > 8) {
      throw new GobException("encoded unsigned integer out of range");
    }
    long value = 0;
    for (int i = 0; i < count; i++) {
      int b = stream.read();
      if (b < 0) {
        throw new EOFException("gob: unexpected EOF");
      }
      value = value << 8 | b;
    }
    return value;
  }

  private int readByte() {
    if (position >= message.length) {
      throw new GobException("decoding past the end of the message");
    }
    return message[position++] & 0xff;
  }

  private long readUint() {
    int lead = readByte();
    if (lead < 128) {
      return lead;
    }
    int count = 256 - lead;
    if (count > 8) {
      throw new GobException("encoded unsigned integer out of range");
    }
    long value = 0;
    for (int i = 0; i < count; i++) {
      value = value << 8 | readByte();
    }
    return value;
  }

  private long readInt() {
    long u = readUint();
    return (u & 1) != 0 ? ~(u >>> 1) : u >>> 1;
  }

  private byte[] readBytes() {
    long length = readUint();
    if (length < 0 || length > message.length - position) {
      throw new GobException("length of data too large: " + length);
    }
    byte[] data = new byte[(int) length];
    System.arraycopy(message, position, data, 0, data.length);
    position += data.length;
    return data;
  }

  private String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  /** A definition as sent: the kind and the ids it refers to, resolved when first used. */
  private record WireType(String kind, String name, List<String> fieldNames, List<Integer> ids) {}

  private WireType readWireType() {
    int field = (int) readUint() - 1;
    WireType wire =
        switch (field) {
          case 1 -> readKind("slice", 1);
          case 2 -> readStructType();
          case 3 -> readKind("map", 2);
          default ->
              throw new GobException("unsupported type definition (wireType field " + field + ")");
        };
    if (readUint() != 0) {
      throw new GobException("type definition of more than one kind");
    }
    return wire;
  }

  /** sliceType{CommonType, Elem} or mapType{CommonType, Key, Elem}. */
  private WireType readKind(String kind, int idFields) {
    String name = "";
    List<Integer> ids = new ArrayList<>();
    int field = -1;
    for (long delta = readUint(); delta != 0; delta = readUint()) {
      field += (int) delta;
      if (field == 0) {
        name = readCommonTypeName();
      } else if (field <= idFields) {
        ids.add((int) readInt());
      } else {
        throw new GobException("unexpected field " + field + " in " + kind + " type");
      }
    }
    if (ids.size() != idFields) {
      throw new GobException("incomplete " + kind + " type " + name);
    }
    return new WireType(kind, name, List.of(), ids);
  }

  private WireType readStructType() {
    String name = "";
    List<String> names = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    int field = -1;
    for (long delta = readUint(); delta != 0; delta = readUint()) {
      field += (int) delta;
      if (field == 0) {
        name = readCommonTypeName();
      } else if (field == 1) {
        for (long n = readUint(); n > 0; n--) {
          String fieldName = "";
          int fieldId = 0;
          int f = -1;
          for (long d = readUint(); d != 0; d = readUint()) {
            f += (int) d;
            if (f == 0) {
              fieldName = readString();
            } else {
              fieldId = (int) readInt();
            }
          }
          names.add(fieldName);
          ids.add(fieldId);
        }
      } else {
        throw new GobException("unexpected field " + field + " in struct type");
      }
    }
    return new WireType("struct", name, names, ids);
  }

  private String readCommonTypeName() {
    String name = "";
    int field = -1;
    for (long delta = readUint(); delta != 0; delta = readUint()) {
      field += (int) delta;
      if (field == 0) {
        name = readString();
      } else {
        readInt(); // the type's own id, known from the definition's header
      }
    }
    return name;
  }

  private GobType typeOf(int id) {
    Basic basic = PREDEFINED.get(id);
    if (basic != null) {
      return basic;
    }
    GobType type = resolved.get(id);
    if (type != null) {
      return type;
    }
    WireType wire = definitions.get(id);
    if (wire == null) {
      throw new GobException("unknown type id " + id);
    }
    type =
        switch (wire.kind()) {
          case "slice" -> new SliceOf(typeOf(wire.ids().get(0)));
          case "map" -> new MapOf(typeOf(wire.ids().get(0)), typeOf(wire.ids().get(1)));
          default -> {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < wire.fieldNames().size(); i++) {
              fields.add(new Field(wire.fieldNames().get(i), typeOf(wire.ids().get(i))));
            }
            yield new StructOf(wire.name(), fields);
          }
        };
    resolved.put(id, type);
    return type;
  }

  private Object readTopLevel(GobType type) throws IOException {
    if (type instanceof StructOf struct) {
      return readStruct(struct);
    }
    if (readUint() != 0) {
      throw new GobException("decode: corrupted data: non-zero delta for singleton");
    }
    return readValue(type);
  }

  private Map<String, Object> readStruct(StructOf struct) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    int field = -1;
    for (long delta = readUint(); delta != 0; delta = readUint()) {
      field += (int) delta;
      if (field < 0 || field >= struct.fields().size()) {
        throw new GobException("field number out of range in " + struct.goName());
      }
      Field f = struct.fields().get(field);
      fields.put(f.name(), readValue(f.type()));
    }
    return fields;
  }

  private Object readValue(GobType type) throws IOException {
    if (type instanceof Basic basic) {
      return switch (basic) {
        case BOOL -> readUint() != 0;
        case INT -> readInt();
        case UINT -> readUint();
        case BYTES -> readBytes();
        case STRING -> readString();
        case INTERFACE -> readInterface();
      };
    }
    if (type instanceof SliceOf slice) {
      List<Object> items = new ArrayList<>();
      for (long n = readUint(); n > 0; n--) {
        items.add(readValue(slice.elem()));
      }
      return items;
    }
    if (type instanceof MapOf map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (long n = readUint(); n > 0; n--) {
        Object key = readValue(map.key());
        entries.put(key, readValue(map.elem()));
      }
      return entries;
    }
    return readStruct((StructOf) type);
  }

  private GobInterface readInterface() throws IOException {
    String name = readString();
    if (name.isEmpty()) {
      return null;
    }
    GobType type = typeOf(typeSequence(true));
    readUint(); // the value's byte count, for decoders that skip it
    return new GobInterface(name, type, readTopLevel(type));
  }
}
