package io.jmachine.cert;

import java.util.Map;

/**
 * The local user whose name docker-machine puts in every certificate's organization (O=): there is
 * no other identity in these certificates, trust comes from the CA alone.
 */
public record CertificateOwner(String user) {

  /** {@code $USER}, else {@code %USERNAME%} (Windows), else {@code unknown}, as docker-machine. */
  public static CertificateOwner fromEnvironment(Map<String, String> environment) {
    for (String variable : new String[] {"USER", "USERNAME"}) {
      String value = environment.get(variable);
      if (value != null && !value.isEmpty()) {
        return new CertificateOwner(value);
      }
    }
    return new CertificateOwner("unknown");
  }

  String caOrganization() {
    return user;
  }

  /** Literally {@code <bootstrap>}: docker-machine's placeholder that ended up in every client. */
  String clientOrganization() {
    return user + ".<bootstrap>";
  }

  String serverOrganization(String machineName) {
    return user + "." + machineName;
  }
}
