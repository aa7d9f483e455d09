package io.jmachine.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a parsed JSON object with Go's zero values for absent fields, since Go's decoder
 * leaves missing fields at zero and docker-machine stores rely on that.
 */
public final class JsonFields {
  private JsonFields() {}

  public static String string(Map<String, Object> obj, String key) {
    Object v = obj.get(key);
    return v == null ? "" : v.toString();
  }

  public static boolean bool(Map<String, Object> obj, String key) {
    return Boolean.TRUE.equals(obj.get(key));
  }

  public static int integer(Map<String, Object> obj, String key) {
    return obj.get(key) instanceof Number n ? n.intValue() : 0;
  }

  public static double decimal(Map<String, Object> obj, String key) {
    return obj.get(key) instanceof Number n ? n.doubleValue() : 0;
  }

  /** A string list, or null when the field is null or absent (Go's nil slice). */
  public static List<String> strings(Map<String, Object> obj, String key) {
    if (!(obj.get(key) instanceof List<?> list)) {
      return null;
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      out.add(item == null ? "" : item.toString());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, Object> obj, String key) {
    return obj.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
