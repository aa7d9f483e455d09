package io.jmachine.drivers.digitalocean;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long to wait after a 429 before asking again: Retry-After (seconds) when DigitalOcean sends
 * it, else until RateLimit-Reset (Unix time), else one second; never longer than the cap, so a
 * command cannot hang on an hour-long reset.
 */
final class RateLimitWait {
  static final Duration CAP = Duration.ofSeconds(60);
  private static final Duration FALLBACK = Duration.ofSeconds(1);

  private RateLimitWait() {}

  static Duration after(HttpHeaders headers, Instant now) {
    Duration wait =
        seconds(headers, "Retry-After")
            .map(Duration::ofSeconds)
            .or(
                () ->
                    seconds(headers, "RateLimit-Reset")
                        .map(reset -> Duration.between(now, Instant.ofEpochSecond(reset))))
            .orElse(FALLBACK);
    if (wait.isNegative() || wait.isZero()) {
      return FALLBACK;
    }
    return wait.compareTo(CAP) > 0 ? CAP : wait;
  }

  private static Optional<Long> seconds(HttpHeaders headers, String name) {
    return headers
        .firstValue(name)
        .flatMap(
            value -> {
              try {
                return Optional.of(Long.parseLong(value.strip()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
