package io.jmachine.machine;

import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Consumer;

/** docker-machine's check before `env`, `config` and the end of `create`: can we talk TLS? */
public final class ConnectionCheck {
  private final TlsValidator tls;
  private final Consumer<Host> beforeCheck;

  public ConnectionCheck(TlsValidator tls) {
    this(tls, host -> {});
  }

  /** {@code beforeCheck} may repair the machine first (a server certificate for a new IP). */
  public ConnectionCheck(TlsValidator tls, Consumer<Host> beforeCheck) {
    this.tls = tls;
    this.beforeCheck = beforeCheck;
  }

  /** Returns the URL the client should use: the engine's, or the swarm master's. */
  public String check(Host host, boolean swarm) {
    String url = host.driver().getUrl();
    beforeCheck.accept(host);
    if (swarm) {
      if (!host.options().swarmOptions().master()) {
        throw new MachineException(
            "\""
                + host.name()
                + "\" is not a swarm master. The --swarm flag is intended for use with swarm"
                + " masters");
      }
      String swarmUrl = swarmUrl(url, host.options().swarmOptions().host());
      try {
        validate(swarmUrl, host);
      } catch (MachineException swarmFailure) {
        validate(url, host);
        throw new MachineException(
            "Connection to Swarm cannot be checked but the certs are valid. Maybe swarm is not"
                + " started");
      }
      return swarmUrl;
    }
    validate(url, host);
    return url;
  }

  private void validate(String url, Host host) {
    String authority;
    try {
      authority = new URI(url).getRawAuthority();
    } catch (URISyntaxException e) {
      throw new MachineException("Error parsing URL: " + e.getMessage());
    }
    if (authority == null) {
      throw new MachineException("Error parsing URL: no host in \"" + url + "\"");
    }
    try {
      tls.validate(authority, host.options().authOptions());
    } catch (MachineException e) {
      throw new MachineException(
          "Error checking and/or regenerating the certs: " + e.getMessage(), e);
    }
  }

  /** tcp://<engine host>:<swarm port>. */
  static String swarmUrl(String engineUrl, String swarmHost) {
    try {
      URI engine = new URI(engineUrl);
      URI swarm = new URI(swarmHost);
      return "tcp://" + engine.getHost() + ":" + swarm.getPort();
    } catch (URISyntaxException e) {
      throw new MachineException("Error parsing URL: " + e.getMessage());
    }
  }
}
