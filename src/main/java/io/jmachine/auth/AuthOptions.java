package io.jmachine.auth;

import static io.jmachine.json.JsonFields.string;
import static io.jmachine.json.JsonFields.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a machine's TLS material lives, stored as HostOptions.AuthOptions. The CA and client paths
 * point into the store's certs/ folder (or wherever --tls-* said at create time).
 */
public record AuthOptions(
    String certDir,
    String caCertPath,
    String caPrivateKeyPath,
    String caCertRemotePath,
    String serverCertPath,
    String serverKeyPath,
    String clientKeyPath,
    String serverCertRemotePath,
    String serverKeyRemotePath,
    String clientCertPath,
    List<String> serverCertSans,
    String storePath) {

  public static AuthOptions fromJson(Map<String, Object> o) {
    return new AuthOptions(
        string(o, "CertDir"),
        string(o, "CaCertPath"),
        string(o, "CaPrivateKeyPath"),
        string(o, "CaCertRemotePath"),
        string(o, "ServerCertPath"),
        string(o, "ServerKeyPath"),
        string(o, "ClientKeyPath"),
        string(o, "ServerCertRemotePath"),
        string(o, "ServerKeyRemotePath"),
        string(o, "ClientCertPath"),
        strings(o, "ServerCertSANs"),
        string(o, "StorePath"));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("CertDir", certDir);
    o.put("CaCertPath", caCertPath);
    o.put("CaPrivateKeyPath", caPrivateKeyPath);
    o.put("CaCertRemotePath", caCertRemotePath);
    o.put("ServerCertPath", serverCertPath);
    o.put("ServerKeyPath", serverKeyPath);
    o.put("ClientKeyPath", clientKeyPath);
    o.put("ServerCertRemotePath", serverCertRemotePath);
    o.put("ServerKeyRemotePath", serverKeyRemotePath);
    o.put("ClientCertPath", clientCertPath);
    o.put("ServerCertSANs", serverCertSans);
    o.put("StorePath", storePath);
    return o;
  }
}
