package io.jmachine.drivers.nspawn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Checks, before a minute of debootstrap, that the mirror answers and carries the suite. */
interface MirrorProbe {
  /** Throws {@link NspawnException} saying what is wrong with {@code mirror} for {@code suite}. */
  void check(String mirror, String suite);

  /** Fetches MIRROR/dists/SUITE/Release (a file: mirror is looked at on disk). */
  MirrorProbe HTTP =
      (mirror, suite) -> {
        String release = mirror + "/dists/" + suite + "/Release";
        URI uri;
        try {
          uri = URI.create(release);
        } catch (IllegalArgumentException e) {
          throw new NspawnException(
              "invalid --nspawn-mirror \"" + mirror + "\": " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (scheme.equals("file")) {
          if (!Files.isRegularFile(Path.of(uri))) {
            throw new NspawnException(
                "the Debian mirror "
                    + mirror
                    + " has no suite \""
                    + suite
                    + "\" ("
                    + release
                    + ")");
          }
          return;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
          throw new NspawnException(
              "invalid --nspawn-mirror \"" + mirror + "\": use an http, https or file URL");
        }
        HttpClient client =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        int status;
        try {
          status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
          throw new NspawnException(
              "the Debian mirror "
                  + mirror
                  + " is unreachable ("
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                  + "): the base image is built from it once; pass a reachable one with"
                  + " --nspawn-mirror",
              e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new NspawnException("interrupted while checking the mirror", e);
        }
        if (status == 404) {
          throw new NspawnException(
              "the Debian mirror "
                  + mirror
                  + " has no suite \""
                  + suite
                  + "\" ("
                  + release
                  + " not found): check --nspawn-suite and --nspawn-mirror");
        }
        if (status >= 400) {
          throw new NspawnException(
              "the Debian mirror " + mirror + " answered HTTP " + status + " for " + release);
        }
      };
}
