package io.jmachine.cli.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How template values map onto Go's types. Data is plain Java, seen as Go sees an unmarshalled
 * {@code map[string]interface{}}: String is string, Boolean is bool, every {@link Number} is
 * float64 (JSON numbers), Map is {@code map[string]interface {}}, List is {@code []interface {}},
 * and a {@link GoStruct} is a struct. Java null inside a map or list is a nil interface.
 *
 * <p>The template itself makes Go ints (number literals, {@code len}, range indexes): {@link
 * GoInt}. Two sentinels stand for reflect values that have no Java counterpart: {@link #INVALID}
 * (the zero reflect.Value, what a missing map key yields) and {@link #MISSING} (no piped-in value).
 */
final class GoValues {
  /** The zero reflect.Value: printed as {@code <no value>}, passed to functions as nil. */
  static final Object INVALID = new Sentinel("<invalid reflect.Value>");

  /** text/template's missingVal: a command that has no value piped into it. */
  static final Object MISSING = new Sentinel("<missing>");

  /** Go's string ordering: byte-wise on UTF-8, which is code point order. */
  static final Comparator<String> GO_STRING_ORDER = new GoStringOrder();

  private GoValues() {}

  /** A Go int made by the template (literal, len, range index). */
  record GoInt(long value) {}

  private static final class Sentinel {
    private final String name;

    Sentinel(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final class GoStringOrder implements Comparator<String> {
    @Override
    public int compare(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        int ca = a.codePointAt(i);
        int cb = b.codePointAt(j);
        if (ca != cb) {
          return Integer.compare(ca, cb);
        }
        i += Character.charCount(ca);
        j += Character.charCount(cb);
      }
      return Integer.compare(a.length() - i, b.length() - j);
    }
  }

  static boolean isFloat(Object v) {
    return v instanceof Number;
  }

  /** reflect.Type.String() of a value; null is the nil interface. */
  static String typeName(Object v) {
    if (v == null) {
      return "interface {}";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof GoInt) {
      return "int";
    } else if (v instanceof Number) {
      return "float64";
    } else if (v instanceof Map) {
      return "map[string]interface {}";
    } else if (v instanceof List) {
      return "[]interface {}";
    } else if (v instanceof GoStruct s) {
      return s.type();
    } else if (v instanceof GoNilPointer p) {
      return p.type();
    }
    return v.getClass().getSimpleName();
  }

  /** text/template's isTrue: the zero value of a type is false. */
  static boolean isTrue(Object v) {
    if (v == null || v == INVALID) {
      return false;
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof String s) {
      return !s.isEmpty();
    } else if (v instanceof GoInt i) {
      return i.value() != 0;
    } else if (v instanceof Number n) {
      return n.doubleValue() != 0;
    } else if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    } else if (v instanceof List<?> l) {
      return !l.isEmpty();
    } else if (v instanceof GoNilPointer) {
      return false;
    }
    return true; // structs are always true
  }

  /** Map keys in the order fmt prints and range visits them. */
  static List<String> sortedKeys(Map<?, ?> map) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object k : map.keySet()) {
      keys.add(String.valueOf(k));
    }
    Collections.sort(keys, GO_STRING_ORDER);
    return keys;
  }

  /** Number of bytes of the UTF-8 encoding (Go's len of a string). */
  static int utf8Length(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
