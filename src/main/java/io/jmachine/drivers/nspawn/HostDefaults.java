package io.jmachine.drivers.nspawn;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The defaults this host suggests: its own Debian release (os-release) and the mirror its apt
 * sources use, in the one-line (.list) and deb822 (.sources) formats.
 */
final class HostDefaults {
  static final String FALLBACK_SUITE = "bookworm";
  static final String FALLBACK_MIRROR = "http://deb.debian.org/debian";

  private final Path etc;

  HostDefaults(Path etc) {
    this.etc = etc;
  }

  static HostDefaults host() {
    return new HostDefaults(Path.of("/etc"));
  }

  /** The host's release codename if it is Debian or derived from it, else bookworm. */
  String suite() {
    Map<String, String> release = osRelease(read(etc.resolve("os-release")));
    String id = release.getOrDefault("ID", "");
    String like = release.getOrDefault("ID_LIKE", "");
    String codename = release.getOrDefault("VERSION_CODENAME", "");
    boolean debianish = id.equals("debian") || List.of(like.split(" ")).contains("debian");
    return debianish && codename.matches("[a-z][a-z0-9-]*") ? codename : FALLBACK_SUITE;
  }

  /** The mirror the host's apt uses for {@code suite}, else for its own release, else Debian's. */
  String mirror(String suite) {
    return sourceUri(suite).or(() -> sourceUri(suite())).orElse(FALLBACK_MIRROR);
  }

  /** Where security updates for {@code suite} come from, next to {@code mirror}. */
  String securityMirror(String suite, String mirror) {
    Optional<String> fromSources = sourceUri(suite + "-security");
    if (fromSources.isPresent()) {
      return fromSources.get();
    }
    return mirror.endsWith("/debian") ? mirror + "-security" : mirror;
  }

  static Map<String, String> osRelease(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0 || line.startsWith("#")) {
        continue;
      }
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(line.substring(0, eq).strip(), value);
    }
    return values;
  }

  /** The first http(s) or file URI of an enabled "deb" source for {@code suite}. */
  Optional<String> sourceUri(String suite) {
    List<String> uris = new ArrayList<>();
    uris.addAll(oneLineUris(read(etc.resolve("apt/sources.list")), suite));
    for (Path file : files(etc.resolve("apt/sources.list.d"), "*.list")) {
      uris.addAll(oneLineUris(read(file), suite));
    }
    for (Path file : files(etc.resolve("apt/sources.list.d"), "*.sources")) {
      uris.addAll(deb822Uris(read(file), suite));
    }
    return uris.stream()
        .filter(u -> u.matches("(?i)(https?|file):/.*"))
        .map(HostDefaults::trimSlashes)
        .findFirst();
  }

  static List<String> oneLineUris(String text, String suite) {
    List<String> uris = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.replaceAll("#.*", "").replaceAll("\\[[^]]*\\]", " ").strip();
      String[] f = line.split("\\s+");
      if (f.length >= 3 && f[0].equals("deb") && f[2].equals(suite)) {
        uris.add(f[1]);
      }
    }
    return uris;
  }

  static List<String> deb822Uris(String text, String suite) {
    List<String> uris = new ArrayList<>();
    for (String stanza : text.split("\n\\s*\n")) {
      Map<String, String> fields = new LinkedHashMap<>();
      String key = null;
      for (String line : stanza.split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        if ((line.startsWith(" ") || line.startsWith("\t")) && key != null) {
          fields.merge(key, " " + line.strip(), String::concat);
          continue;
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
          fields.put(key, line.substring(colon + 1).strip());
        }
      }
      List<String> types = List.of(fields.getOrDefault("types", "").split("\\s+"));
      List<String> suites = List.of(fields.getOrDefault("suites", "").split("\\s+"));
      boolean enabled = !fields.getOrDefault("enabled", "yes").equalsIgnoreCase("no");
      String[] stanzaUris = fields.getOrDefault("uris", "").split("\\s+");
      if (enabled && types.contains("deb") && suites.contains(suite) && !stanzaUris[0].isEmpty()) {
        uris.add(stanzaUris[0]);
      }
    }
    return uris;
  }

  private static String trimSlashes(String uri) {
    String u = uri;
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  private static List<Path> files(Path dir, String glob) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(found::add);
    } catch (IOException e) {
      return found;
    }
    found.sort(null);
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
