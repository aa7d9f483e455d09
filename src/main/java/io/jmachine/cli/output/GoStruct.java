package io.jmachine.cli.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Go struct value for templates that run on structs rather than on maps, such as `ls` rows
 * ({@code commands.HostListItem}) and their {@code *swarm.Options} / {@code *engine.Options}.
 * Unlike a map, a struct prints as {@code {v1 v2 ...}} in field order, a field that does not exist
 * is an execution error ({@code can't evaluate field X in type commands.HostListItem}) rather than
 * {@code <no value>}, and a struct is always true.
 *
 * @param type the Go type as reflect prints it, e.g. {@code commands.HostListItem}; a leading
 *     {@code *} marks a pointer to a struct, which fmt prints as {@code &{...}} except at the top
 *     of a template action, where text/template dereferences it
 * @param fields field names to values, in declaration order
 */
public record GoStruct(String type, Map<String, Object> fields) {
  public GoStruct {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  boolean isPointer() {
    return type.startsWith("*");
  }
}
