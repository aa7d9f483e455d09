package io.jmachine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.core.NameParser;
import io.jmachine.auth.AuthOptions;
import io.jmachine.cert.TlsCredentials;
import io.jmachine.error.MachineException;
import io.jmachine.machine.EngineContainers;
import io.jmachine.machine.Sleeper;
import io.jmachine.machine.SwarmContainer;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Starts a machine's classic Swarm containers through its engine's API, as docker-machine's
 * CreateContainer did (pull, create, start), with two repairs: a container left by an earlier
 * provisioning is replaced instead of failing on its name, and an image that cannot be pulled
 * (registry unreachable) is retried, or taken from the machine when a copy is there already.
 */
public final class DockerContainers implements EngineContainers {
  static final int PULL_ATTEMPTS = 3;
  private static final Duration PULL_SILENCE = Duration.ofMinutes(5);
  private final Duration timeout;
  private final Sleeper sleeper;

  /**
   * @param timeout for connecting and for each answer but a pull's (a pull may stay silent for
   *     minutes while a layer downloads)
   */
  public DockerContainers(Duration timeout, Sleeper sleeper) {
    this.timeout = timeout;
    this.sleeper = sleeper;
  }

  @Override
  public void replace(
      String url, AuthOptions auth, SwarmContainer container, Consumer<String> info) {
    TlsCredentials tls = EngineConnection.credentials(auth);
    try (DockerClient docker = EngineConnection.open(url, tls, timeout, PULL_SILENCE)) {
      pull(docker, container.image(), info);
      remove(docker, container.name());
      String id;
      try {
        id =
            docker
                .createContainerCmd(container.image())
                .withName(container.name())
                .withCmd(container.cmd())
                .withEnv(container.env())
                .withExposedPorts(container.exposedPorts().stream().map(ExposedPort::tcp).toList())
                .withHostConfig(hostConfig(container))
                .exec()
                .getId();
      } catch (RuntimeException e) {
        throw new MachineException(
            "Error while creating container: " + EngineConnection.rootMessage(e), e);
      }
      try {
        docker.startContainerCmd(id).exec();
      } catch (RuntimeException e) {
        throw new MachineException(
            "Error while starting container: " + EngineConnection.rootMessage(e), e);
      }
    } catch (IOException e) {
      throw new MachineException(e.getMessage(), e);
    }
  }

  private void pull(DockerClient docker, String image, Consumer<String> info) {
    for (int attempt = 1; ; attempt++) {
      try {
        pullCommand(docker, image).start().awaitCompletion();
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MachineException("Unable to pull image: interrupted", e);
      } catch (RuntimeException e) {
        String reason = EngineConnection.rootMessage(e);
        if (onMachine(docker, image)) {
          info.accept(
              "Could not pull " + image + " (" + reason + "); using the copy on the machine");
          return;
        }
        if (attempt == PULL_ATTEMPTS) {
          throw new MachineException("Unable to pull image: " + reason, e);
        }
        sleeper.sleep(Duration.ofSeconds(2L * attempt));
      }
    }
  }

  /** An image named without a tag means :latest, as for `docker pull` (the API would pull all). */
  private static PullImageCmd pullCommand(DockerClient docker, String image) {
    NameParser.ReposTag reference = NameParser.parseRepositoryTag(image);
    if (image.contains("@")) {
      return docker.pullImageCmd(image);
    }
    return docker
        .pullImageCmd(reference.repos)
        .withTag(reference.tag.isEmpty() ? "latest" : reference.tag);
  }

  private static boolean onMachine(DockerClient docker, String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void remove(DockerClient docker, String name) {
    try {
      docker.removeContainerCmd(name).withForce(true).exec();
    } catch (NotFoundException e) {
      // the first provisioning: nothing to replace
    } catch (RuntimeException e) {
      throw new MachineException(
          "Error while removing the earlier container "
              + name
              + ": "
              + EngineConnection.rootMessage(e),
          e);
    }
  }

  private static HostConfig hostConfig(SwarmContainer container) {
    HostConfig host =
        HostConfig.newHostConfig()
            .withRestartPolicy(RestartPolicy.alwaysRestart())
            .withBinds(container.binds().stream().map(Bind::parse).toList());
    int port = container.publishedPort();
    if (port > 0) {
      host.withPortBindings(
          new Ports(ExposedPort.tcp(port), Ports.Binding.bindIpAndPort("0.0.0.0", port)));
    }
    return host;
  }
}
