package io.jmachine.machine;

import io.jmachine.auth.AuthOptions;
import java.util.function.Consumer;

/** Runs containers on a machine's Docker engine over the machine's TLS material. */
public interface EngineContainers {
  /**
   * Pulls the container's image, removes a container of the same name and starts this one; throws
   * MachineException with docker-machine's wording ("Unable to pull image: ...").
   *
   * @param info where a note goes when the image could not be pulled but a copy on the machine is
   *     used instead
   */
  void replace(String engineUrl, AuthOptions auth, SwarmContainer container, Consumer<String> info);
}
