package io.jmachine.drivers.plugin;

import io.jmachine.driver.DriverFlag;
import io.jmachine.driver.DriverOptions;
import io.jmachine.gob.GobInterface;
import io.jmachine.gob.GobType.Basic;
import io.jmachine.gob.GobType.Field;
import io.jmachine.gob.GobType.MapOf;
import io.jmachine.gob.GobType.SliceOf;
import io.jmachine.gob.GobType.StructOf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags across the plugin boundary: libmachine's mcnflag values coming from GetCreateFlags, and the
 * RPCFlags map going to SetConfigFromFlags, under the names gob registers them by.
 */
final class PluginFlags {
  private static final SliceOf STRINGS = new SliceOf(Basic.STRING);
  private static final StructOf RPC_FLAGS =
      StructOf.of("RPCFlags", new Field("Values", new MapOf(Basic.STRING, Basic.INTERFACE)));

  private PluginFlags() {}

  /** The mcnflag values a plugin declared; kinds libmachine does not define are left out. */
  static List<DriverFlag> fromCreateFlags(Object reply) {
    List<DriverFlag> flags = new ArrayList<>();
    if (!(reply instanceof List<?> values)) {
      return flags;
    }
    for (Object value : values) {
      if (!(value instanceof GobInterface flag) || !(flag.value() instanceof Map<?, ?> fields)) {
        continue;
      }
      String name = text(fields.get("Name"));
      String usage = text(fields.get("Usage"));
      String envVar = text(fields.get("EnvVar"));
      Object def = fields.get("Value");
      switch (flag.name()) {
        case "*mcnflag.StringFlag" -> flags.add(DriverFlag.string(name, usage, envVar, text(def)));
        case "*mcnflag.IntFlag" ->
            flags.add(
                DriverFlag.integer(
                    name, usage, envVar, def instanceof Number n ? (int) n.longValue() : 0));
        case "*mcnflag.StringSliceFlag" ->
            flags.add(DriverFlag.strings(name, usage, envVar, strings(def)));
        case "*mcnflag.BoolFlag" -> flags.add(DriverFlag.bool(name, usage, envVar));
        default -> {
          // not a flag kind docker-machine can offer on its command line either
        }
      }
    }
    return flags;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> strings.add(text(item)));
    }
    return strings;
  }

  /** The argument of SetConfigFromFlags: an RPCFlags behind the DriverOptions interface. */
  static GobInterface rpcFlags(DriverOptions options) {
    Map<String, Object> values = new LinkedHashMap<>();
    options.values().forEach((name, value) -> values.put(name, typed(value)));
    return new GobInterface("*rpcdriver.RPCFlags", RPC_FLAGS, Map.of("Values", values));
  }

  private static GobInterface typed(Object value) {
    if (value instanceof Boolean) {
      return new GobInterface("bool", Basic.BOOL, value);
    }
    if (value instanceof Number) {
      return new GobInterface("int", Basic.INT, value);
    }
    if (value instanceof List<?> list) {
      return new GobInterface("[]string", STRINGS, strings(list));
    }
    return new GobInterface("string", Basic.STRING, text(value));
  }
}
