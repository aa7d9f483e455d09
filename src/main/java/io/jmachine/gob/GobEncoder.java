package io.jmachine.gob;

import io.jmachine.gob.GobType.Basic;
import io.jmachine.gob.GobType.Field;
import io.jmachine.gob.GobType.MapOf;
import io.jmachine.gob.GobType.SliceOf;
import io.jmachine.gob.GobType.StructOf;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes values as a gob stream, as Go's gob.Encoder does: a type is defined once per stream, in a
 * message of its own before the first value that needs it, and later values refer to it by id.
 */
public final class GobEncoder {
  /** Go numbers user types from here up; the ids below are predefined or reserved. */
  private static final int FIRST_USER_ID = 65;

  private final OutputStream out;
  private final Map<GobType, Integer> ids = new HashMap<>();
  private int nextId = FIRST_USER_ID;

  public GobEncoder(OutputStream out) {
    this.out = out;
  }

  /** One value of the given type; the caller flushes. */
  public void encode(GobType type, Object value) throws IOException {
    List<GobType> fresh = new ArrayList<>();
    collectTypes(type, value, fresh);
    for (GobType defined : fresh) {
      GobBuffer definition = new GobBuffer();
      definition.writeInt(-ids.get(defined));
      writeWireType(definition, defined);
      writeMessage(definition);
    }
    GobBuffer message = new GobBuffer();
    message.writeInt(idOf(type));
    writeTopLevel(message, type, value);
    writeMessage(message);
  }

  private void writeMessage(GobBuffer content) throws IOException {
    GobBuffer framed = new GobBuffer();
    framed.writeDelimited(content);
    out.write(framed.toByteArray());
  }

  /** Numbers every type not yet sent, the types inside interface values included. */
  private void collectTypes(GobType type, Object value, List<GobType> fresh) {
    if (!(type instanceof Basic) && !ids.containsKey(type)) {
      ids.put(type, nextId++);
      fresh.add(type);
    }
    if (value instanceof GobInterface iface) {
      collectTypes(iface.type(), iface.value(), fresh);
    } else if (type instanceof SliceOf slice) {
      collectTypes(slice.elem(), null, fresh);
      if (value instanceof List<?> items) {
        items.forEach(item -> collectTypes(slice.elem(), item, fresh));
      }
    } else if (type instanceof MapOf map) {
      collectTypes(map.key(), null, fresh);
      collectTypes(map.elem(), null, fresh);
      if (value instanceof Map<?, ?> entries) {
        entries.forEach(
            (k, v) -> {
              collectTypes(map.key(), k, fresh);
              collectTypes(map.elem(), v, fresh);
            });
      }
    } else if (type instanceof StructOf struct) {
      Map<?, ?> fields = value instanceof Map<?, ?> m ? m : Map.of();
      struct.fields().forEach(f -> collectTypes(f.type(), fields.get(f.name()), fresh));
    }
  }

  private int idOf(GobType type) {
    return type instanceof Basic basic ? basic.id() : ids.get(type);
  }

  /** Go's wireType: a struct whose one set field says which kind of type this is. */
  private void writeWireType(GobBuffer b, GobType type) {
    if (type instanceof SliceOf slice) {
      b.writeUint(2); // field 1: SliceT
      writeCommonType(b, type);
      b.writeUint(1);
      b.writeInt(idOf(slice.elem()));
    } else if (type instanceof StructOf struct) {
      b.writeUint(3); // field 2: StructT
      writeCommonType(b, type);
      if (!struct.fields().isEmpty()) {
        b.writeUint(1);
        b.writeUint(struct.fields().size());
      }
      for (Field field : struct.fields()) {
        b.writeUint(1);
        b.writeString(field.name());
        b.writeUint(1);
        b.writeInt(idOf(field.type()));
        b.writeUint(0);
      }
    } else {
      MapOf map = (MapOf) type;
      b.writeUint(4); // field 3: MapT
      writeCommonType(b, type);
      b.writeUint(1);
      b.writeInt(idOf(map.key()));
      b.writeUint(1);
      b.writeInt(idOf(map.elem()));
    }
    b.writeUint(0); // end of the kind's struct
    b.writeUint(0); // end of wireType
  }

  private void writeCommonType(GobBuffer b, GobType type) {
    b.writeUint(1); // the embedded CommonType{Name, Id}
    if (type.goName().isEmpty()) {
      b.writeUint(2); // an anonymous struct has no name to send
    } else {
      b.writeUint(1);
      b.writeString(type.goName());
      b.writeUint(1);
    }
    b.writeInt(idOf(type));
    b.writeUint(0);
  }

  /** A struct frames itself; any other value follows a zero field delta, and is sent if zero. */
  private void writeTopLevel(GobBuffer b, GobType type, Object value) {
    if (type instanceof StructOf struct) {
      writeStruct(b, struct, value);
    } else {
      b.writeUint(0);
      writeValue(b, type, value);
    }
  }

  private void writeStruct(GobBuffer b, StructOf struct, Object value) {
    Map<?, ?> fields = value == null ? Map.of() : (Map<?, ?>) value;
    int last = -1;
    for (int i = 0; i < struct.fields().size(); i++) {
      Field field = struct.fields().get(i);
      Object fieldValue = fields.get(field.name());
      if (isZero(field.type(), fieldValue)) {
        continue; // gob leaves zero values out of structs
      }
      b.writeUint(i - last);
      writeValue(b, field.type(), fieldValue);
      last = i;
    }
    b.writeUint(0);
  }

  private static boolean isZero(GobType type, Object value) {
    if (type instanceof StructOf) {
      return false; // Go sends nested structs even when empty
    }
    return value == null
        || value instanceof Boolean bool && !bool
        || value instanceof Number number && number.longValue() == 0
        || value instanceof String text && text.isEmpty()
        || value instanceof byte[] bytes && bytes.length == 0
        || value instanceof List<?> list && list.isEmpty();
  }

  private void writeValue(GobBuffer b, GobType type, Object value) {
    if (type instanceof Basic basic) {
      writeBasic(b, basic, value);
    } else if (type instanceof SliceOf slice) {
      List<?> items = value == null ? List.of() : (List<?>) value;
      b.writeUint(items.size());
      items.forEach(item -> writeValue(b, slice.elem(), item));
    } else if (type instanceof MapOf map) {
      Map<?, ?> entries = value == null ? Map.of() : (Map<?, ?>) value;
      b.writeUint(entries.size());
      entries.forEach(
          (k, v) -> {
            writeValue(b, map.key(), k);
            writeValue(b, map.elem(), v);
          });
    } else {
      writeStruct(b, (StructOf) type, value);
    }
  }

  private void writeBasic(GobBuffer b, Basic basic, Object value) {
    switch (basic) {
      case BOOL -> b.writeUint(Boolean.TRUE.equals(value) ? 1 : 0);
      case INT -> b.writeInt(value == null ? 0 : ((Number) value).longValue());
      case UINT -> b.writeUint(value == null ? 0 : ((Number) value).longValue());
      case BYTES -> b.writeBytes(value == null ? new byte[0] : (byte[]) value);
      case STRING -> b.writeString(value == null ? "" : (String) value);
      case INTERFACE -> writeInterface(b, (GobInterface) value);
    }
  }

  /** Name, type id, then the value as a delimited message of its own. */
  private void writeInterface(GobBuffer b, GobInterface value) {
    if (value == null) {
      b.writeUint(0);
      return;
    }
    b.writeString(value.name());
    b.writeInt(idOf(value.type()));
    GobBuffer content = new GobBuffer();
    writeTopLevel(content, value.type(), value.value());
    b.writeDelimited(content);
  }
}
