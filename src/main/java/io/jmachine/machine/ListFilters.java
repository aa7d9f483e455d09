package io.jmachine.machine;

import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** `ls --filter key=value`: values of one key are alternatives, different keys must all match. */
public final class ListFilters {
  private static final Set<String> KEYS = Set.of("driver", "state", "name", "label", "swarm");
  private final Map<String, List<String>> byKey = new LinkedHashMap<>();
  private final List<Pattern> names = new ArrayList<>();

  private ListFilters() {}

  public static ListFilters parse(List<String> specs) {
    ListFilters filters = new ListFilters();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq < 0) {
        throw new MachineException("Unsupported filter syntax");
      }
      String key = spec.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = spec.substring(eq + 1);
      if (!KEYS.contains(key)) {
        throw new MachineException("Unsupported filter key '" + key + "'");
      }
      if (key.equals("name")) {
        filters.names.add(GoRegexp.compile(value));
      }
      filters.byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return filters;
  }

  public boolean needsState() {
    return byKey.containsKey("state");
  }

  /** Whether a loaded machine passes; state is only consulted when a state filter exists. */
  public boolean matches(Host host, String state, Map<String, String> masterByDiscovery) {
    for (Map.Entry<String, List<String>> entry : byKey.entrySet()) {
      List<String> values = entry.getValue();
      boolean any =
          switch (entry.getKey()) {
            case "driver" -> values.stream().anyMatch(v -> v.equalsIgnoreCase(host.driverName()));
            case "state" -> values.stream().anyMatch(v -> v.equalsIgnoreCase(state));
            case "name" -> names.stream().anyMatch(p -> p.matcher(host.name()).find());
            case "label" -> values.stream().anyMatch(v -> hasLabel(host, v));
            case "swarm" -> values.stream().anyMatch(v -> inSwarm(host, v, masterByDiscovery));
            default -> true;
          };
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /**
   * A `k=v` filter matches a label k whose value equals v ignoring case. A bare `k` (which crashed
   * docker-machine) matches any machine that has label k.
   */
  private static boolean hasLabel(Host host, String filter) {
    List<String> labels = host.options().engineOptions().labels();
    if (labels == null) {
      return false;
    }
    int eq = filter.indexOf('=');
    String key = eq < 0 ? filter : filter.substring(0, eq);
    for (String label : labels) {
      int le = label.indexOf('=');
      String labelKey = le < 0 ? label : label.substring(0, le);
      String labelValue = le < 0 ? "" : label.substring(le + 1);
      if (labelKey.equals(key)
          && (eq < 0 || labelValue.equalsIgnoreCase(filter.substring(eq + 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inSwarm(Host host, String master, Map<String, String> masterByDiscovery) {
    String discovery = host.options().swarmOptions().discovery();
    String name = masterByDiscovery.get(discovery);
    return !discovery.isEmpty() && name != null && name.equalsIgnoreCase(master);
  }
}
