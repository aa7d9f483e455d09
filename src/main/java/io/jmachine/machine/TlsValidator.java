package io.jmachine.machine;

import io.jmachine.auth.AuthOptions;

/**
 * Proves a TLS handshake with the engine at host:port succeeds using the machine's CA and client
 * certificate; throws MachineException explaining the failure otherwise.
 */
public interface TlsValidator {
  void validate(String hostPort, AuthOptions auth);
}
