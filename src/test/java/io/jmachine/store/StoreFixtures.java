package io.jmachine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Stores written by docker-machine (test resources under /stores), copied for one test. */
public final class StoreFixtures {
  private StoreFixtures() {}

  /** Copies the store {@code name} into {@code into}/{@code name} and returns its root. */
  public static Path copy(String name, Path into) {
    URL resource = StoreFixtures.class.getResource("/stores/" + name);
    if (resource == null) {
      throw new IllegalArgumentException("no store fixture " + name);
    }
    Path target = into.resolve(name);
    try (Stream<Path> walk = Files.walk(Path.of(resource.toURI()))) {
      Path source = Path.of(resource.toURI());
      for (Path p : walk.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return target;
  }
}
