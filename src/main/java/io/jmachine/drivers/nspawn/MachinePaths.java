package io.jmachine.drivers.nspawn;

import java.nio.file.Path;

/** Where a machine keeps its things, below its folder in the store. */
record MachinePaths(Path machineDir) {
  Path privateKey() {
    return machineDir.resolve("id_rsa");
  }

  Path publicKey() {
    return machineDir.resolve("id_rsa.pub");
  }

  /** Everything the driver owns: removed as a whole by rm. */
  Path nspawnDir() {
    return machineDir.resolve("nspawn");
  }

  /** The machine's copy-on-write layer over the image. */
  Path upper() {
    return nspawnDir().resolve("upper");
  }

  Path work() {
    return nspawnDir().resolve("work");
  }

  /** The mount point of the machine's root file system (image + upper). */
  Path root() {
    return nspawnDir().resolve("root");
  }

  /** Bind-mounted as /var/lib/docker: overlay2 cannot sit on the overlay root. */
  Path docker() {
    return nspawnDir().resolve("docker");
  }

  Path supervisorScript() {
    return nspawnDir().resolve("supervise.sh");
  }

  Path supervisorPid() {
    return nspawnDir().resolve("supervisor.pid");
  }

  Path nspawnPid() {
    return nspawnDir().resolve("nspawn.pid");
  }

  /**
   * The leased address, written the moment it is leased: rm finds it even if config.json lacks it.
   */
  Path address() {
    return nspawnDir().resolve("address");
  }

  /** Serializes start, stop, kill and rm of this machine between processes. */
  Path powerLock() {
    return nspawnDir().resolve(".power.lock");
  }

  Path log() {
    return nspawnDir().resolve("console.log");
  }
}
