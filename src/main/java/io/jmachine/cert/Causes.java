package io.jmachine.cert;

import java.util.stream.Stream;

/** Walks an exception's cause chain: TLS failures arrive wrapped several layers deep. */
final class Causes {
  private Causes() {}

  /** {@code e}, its cause, that one's cause, and so on. */
  static Stream<Throwable> of(Throwable e) {
    return Stream.iterate(e, cause -> cause != null, Throwable::getCause);
  }
}
