package io.jmachine.provision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a machine's {@code /etc/os-release} that choose its provisioner. docker-machine
 * split each line on every {@code =} and dropped lines with more than one; here a line is split on
 * its first {@code =} only, so a value such as a URL with a query string is kept.
 */
public record OsRelease(Map<String, String> fields) {

  public OsRelease {
    fields = Map.copyOf(fields);
  }

  public static OsRelease parse(String content) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String raw : content.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      fields.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
    }
    return new OsRelease(fields);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      value = value.substring(1, value.length() - 1);
      if (value.indexOf('\\') >= 0) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (c == '\\' && i + 1 < value.length()) {
            c = value.charAt(++i);
          }
          out.append(c);
        }
        value = out.toString();
      }
    }
    return value;
  }

  public String get(String key) {
    return fields.getOrDefault(key, "");
  }

  /** ID, lower-cased as os-release(5) promises it is. */
  public String id() {
    return get("ID").toLowerCase(Locale.ROOT);
  }

  public String versionId() {
    return get("VERSION_ID");
  }

  public String prettyName() {
    String pretty = get("PRETTY_NAME");
    return pretty.isEmpty() ? get("NAME") : pretty;
  }

  /** ID_LIKE's words, in the order the file gives them (closest relative first). */
  public List<String> idLike() {
    String like = get("ID_LIKE").toLowerCase(Locale.ROOT).strip();
    if (like.isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList(like.split("\\s+")));
  }

  /**
   * VERSION_ID as docker-machine compared it (a float): "15.04" is 15.04, "8" is 8; -1 when it is
   * not a number.
   */
  public double versionNumber() {
    String v = versionId();
    int second = v.indexOf('.', v.indexOf('.') + 1);
    if (second > 0) {
      v = v.substring(0, second);
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
