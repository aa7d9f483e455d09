package io.jmachine.drivers.nspawn;

import java.nio.file.Files;
import java.nio.file.Path;

/** An extra bind mount, SRC:DST: a host directory or file shown inside the machine. */
record BindMount(String source, String destination) {

  static BindMount parse(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new NspawnException(
          "invalid --nspawn-bind \"" + spec + "\": expected SRC:DST, e.g. /srv/data:/data");
    }
    for (String path : parts) {
      if (!path.startsWith("/")) {
        throw new NspawnException(
            "invalid --nspawn-bind \"" + spec + "\": " + path + " is not an absolute path");
      }
      if (path.contains(",") || path.contains("\n")) {
        throw new NspawnException(
            "invalid --nspawn-bind \"" + spec + "\": paths with commas are not supported");
      }
    }
    return new BindMount(parts[0], parts[1]);
  }

  void requireSource() {
    if (!Files.exists(Path.of(source))) {
      throw new NspawnException(
          "--nspawn-bind " + this + ": " + source + " does not exist on this host");
    }
  }

  String nspawnOption() {
    return "--bind=" + source + ":" + destination;
  }

  @Override
  public String toString() {
    return source + ":" + destination;
  }
}
