package io.jmachine.machine;

import io.jmachine.auth.AuthOptions;

/** Asks a machine's Docker engine for its version over the machine's TLS material. */
public interface EngineVersionProbe {
  /** The engine's version, e.g. "20.10.24"; throws MachineException with the reason. */
  String version(String url, AuthOptions auth);
}
