package io.jmachine.machine;

import io.jmachine.auth.AuthOptions;
import java.util.Optional;

/** Reports a machine's certificates that are expired, not yet valid or about to expire. */
public interface CertificateHealth {
  Optional<String> problem(AuthOptions auth);

  CertificateHealth NONE = auth -> Optional.empty();
}
