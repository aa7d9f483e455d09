package io.jmachine.ssh;

import java.time.Duration;

/**
 * How every SSH connection of one jmachine command behaves. {@code pinHostKeys} false restores
 * docker-machine's "accept any host key" for machines that are re-imaged on purpose.
 */
public record SshSettings(boolean pinHostKeys, Duration connectTimeout) {
  /** docker-machine's ConnectTimeout for the external client, used by the native one too. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public static SshSettings defaults(boolean pinHostKeys) {
    return new SshSettings(pinHostKeys, DEFAULT_CONNECT_TIMEOUT);
  }
}
