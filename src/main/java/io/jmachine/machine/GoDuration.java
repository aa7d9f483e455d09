package io.jmachine.machine;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's time.Duration.String() for millisecond-rounded durations: "0s", "12ms", "1.5s", "2m3s". */
public final class GoDuration {
  private GoDuration() {}

  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    long minutes = ms / 60_000;
    long hours = minutes / 60;
    String seconds = BigDecimal.valueOf(ms % 60_000, 3).stripTrailingZeros().toPlainString() + "s";
    if (hours > 0) {
      return hours + "h" + (minutes % 60) + "m" + seconds;
    }
    return minutes > 0 ? minutes + "m" + seconds : seconds;
  }
}
