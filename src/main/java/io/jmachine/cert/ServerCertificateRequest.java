package io.jmachine.cert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A machine's Docker daemon certificate: who it is for, which names it answers to, and where the
 * signing CA and the resulting files are.
 *
 * @param extraSans {@code --tls-san} values, in the order given
 * @param swarmMaster swarm masters also use their server certificate as a client certificate
 */
public record ServerCertificateRequest(
    String machineName,
    String machineIp,
    List<String> extraSans,
    boolean swarmMaster,
    Path caCert,
    Path caKey,
    Path serverCert,
    Path serverKey) {

  public ServerCertificateRequest {
    extraSans = List.copyOf(extraSans);
  }

  /** docker-machine's order: the extra SANs, the machine's IP, then {@code localhost}. */
  public List<String> subjectAlternativeNames() {
    List<String> names = new ArrayList<>(extraSans);
    names.add(machineIp);
    names.add("localhost");
    return names;
  }
}
