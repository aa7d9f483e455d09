package io.jmachine.gob;

import java.util.List;

/**
 * A type as gob describes it on the wire. Values of each type are Java objects: Boolean, Long (int
 * and uint), byte[], String, List (slices), Map (maps; structs by field name) and {@link
 * GobInterface} (interface values).
 */
public sealed interface GobType {
  /** Go's name for the type, as gob sends it in type definitions. */
  String goName();

  /** The predefined types, with their fixed type ids. */
  enum Basic implements GobType {
    BOOL(1, "bool"),
    INT(2, "int"),
    UINT(3, "uint"),
    BYTES(5, "[]uint8"),
    STRING(6, "string"),
    INTERFACE(8, "interface {}");

    private final int id;
    private final String goName;

    Basic(int id, String goName) {
      this.id = id;
      this.goName = goName;
    }

    int id() {
      return id;
    }

    @Override
    public String goName() {
      return goName;
    }
  }

  record SliceOf(GobType elem) implements GobType {
    @Override
    public String goName() {
      return "[]" + elem.goName();
    }
  }

  record MapOf(GobType key, GobType elem) implements GobType {
    @Override
    public String goName() {
      return "map[" + key.goName() + "]" + elem.goName();
    }
  }

  record StructOf(String goName, List<Field> fields) implements GobType {
    public StructOf {
      fields = List.copyOf(fields);
    }

    public static StructOf of(String goName, Field... fields) {
      return new StructOf(goName, List.of(fields));
    }
  }

  record Field(String name, GobType type) {}
}
