package io.jmachine.driver;

import java.util.List;
import java.util.Map;

/** Create-flag values by flag name, defaults already filled in. */
public final class DriverOptions {
  private final Map<String, Object> values;

  public DriverOptions(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** Every value by flag name, for drivers that pass them on as they are (plugins). */
  public Map<String, Object> values() {
    return values;
  }

  public String string(String name) {
    Object v = values.get(name);
    return v == null ? "" : v.toString();
  }

  public int integer(String name) {
    return values.get(name) instanceof Number n ? n.intValue() : 0;
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String name) {
    return values.get(name) instanceof List<?> l ? (List<String>) l : List.of();
  }
}
