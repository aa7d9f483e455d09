package io.jmachine.cli.command;

import io.jmachine.cli.output.GoNilPointer;
import io.jmachine.cli.output.GoStruct;
import io.jmachine.engine.EngineOptions;
import io.jmachine.machine.GoDuration;
import io.jmachine.machine.HostListItem;
import io.jmachine.swarm.SwarmOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An `ls` row as docker-machine's templates see it: a {@code commands.HostListItem} struct whose
 * options are pointers to Go structs. So the fields carry the Go names ({@code DNS}, {@code
 * TLSVerify}, not the JSON names), a slice never set prints {@code []} as fmt prints a nil slice,
 * and a row without options (unloadable machine, timeout) holds nil pointers.
 */
final class LsRowStruct {
  private LsRowStruct() {}

  static GoStruct of(HostListItem row) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("Name", row.name());
    f.put("Active", row.active());
    f.put("ActiveHost", row.activeHost());
    f.put("ActiveSwarm", row.activeSwarm());
    f.put("DriverName", row.driverName());
    f.put("State", row.state());
    f.put("URL", row.url());
    f.put("SwarmOptions", swarm(row.swarmOptions()));
    f.put("Swarm", row.swarm());
    f.put("EngineOptions", engine(row.engineOptions()));
    f.put("Error", row.error());
    f.put("DockerVersion", row.dockerVersion());
    f.put("ResponseTime", GoDuration.format(row.responseTime()));
    return new GoStruct("commands.HostListItem", f);
  }

  private static Object swarm(SwarmOptions o) {
    if (o == null) {
      return new GoNilPointer("*swarm.Options");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("IsSwarm", o.isSwarm());
    f.put("Address", o.address());
    f.put("Discovery", o.discovery());
    f.put("Agent", o.agent());
    f.put("Master", o.master());
    f.put("Host", o.host());
    f.put("Image", o.image());
    f.put("Strategy", o.strategy());
    f.put("Heartbeat", o.heartbeat());
    f.put("Overcommit", o.overcommit());
    f.put("ArbitraryFlags", slice(o.arbitraryFlags()));
    f.put("ArbitraryJoinFlags", slice(o.arbitraryJoinFlags()));
    f.put("Env", slice(o.env()));
    f.put("IsExperimental", o.isExperimental());
    return new GoStruct("*swarm.Options", f);
  }

  /** docker-machine's engine.Options: jmachine's own InstallStrategy is not a field of it. */
  private static Object engine(EngineOptions o) {
    if (o == null) {
      return new GoNilPointer("*engine.Options");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ArbitraryFlags", slice(o.arbitraryFlags()));
    f.put("DNS", slice(o.dns()));
    f.put("GraphDir", o.graphDir());
    f.put("Env", slice(o.env()));
    f.put("Ipv6", o.ipv6());
    f.put("InsecureRegistry", slice(o.insecureRegistry()));
    f.put("Labels", slice(o.labels()));
    f.put("LogLevel", o.logLevel());
    f.put("StorageDriver", o.storageDriver());
    f.put("SelinuxEnabled", o.selinuxEnabled());
    f.put("TLSVerify", o.tlsVerify());
    f.put("RegistryMirror", slice(o.registryMirror()));
    f.put("InstallURL", o.installUrl());
    return new GoStruct("*engine.Options", f);
  }

  private static List<String> slice(List<String> values) {
    return values == null ? List.of() : values;
  }
}
