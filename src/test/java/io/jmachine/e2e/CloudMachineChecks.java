package io.jmachine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmachine.testhost.TestHost;
import java.nio.file.Path;

/**
 * What the end-to-end tests of cloud drivers share: their fake API "boots" a machine by letting its
 * key into a real test host, after which create, the Docker client and the lifecycle are real.
 */
final class CloudMachineChecks {
  private CloudMachineChecks() {}

  /** The fake's boot: {@code publicKey} may log in as root on {@code host}; its address. */
  static String authorize(TestHost host, String publicKey) {
    host.exec(
            "sh",
            "-c",
            "mkdir -p /root/.ssh && printf '%s\\n' \"$1\" >> /root/.ssh/authorized_keys",
            "sh",
            publicKey.strip())
        .orThrow("authorize the machine's key");
    return host.ip();
  }

  /** create's whole output on a fresh store, {@code driverLines} being the driver's own. */
  static String createOutput(MachineCli cli, String name, String driverLines) {
    Path certs = cli.store.resolve("certs");
    return "Creating CA: "
        + certs.resolve("ca.pem")
        + "\nCreating client certificate: "
        + certs.resolve("cert.pem")
        + "\nRunning pre-create checks...\n"
        + "Creating machine...\n"
        + driverLines
        + "Waiting for machine to be running, this may take a few minutes...\n"
        + "Detecting operating system of created instance...\n"
        + "Waiting for SSH to be available...\n"
        + "Detecting the provisioner...\n"
        + "Provisioning with debian...\n"
        + "Copying certs to the local machine directory...\n"
        + "Copying certs to the remote machine...\n"
        + "Setting Docker configuration on the remote daemon...\n"
        + "Checking connection to Docker...\n"
        + "Docker is up and running!\n"
        + "To see how to connect your Docker Client to the Docker Engine running on this"
        + " virtual machine, run: docker-machine env "
        + name
        + "\n";
  }

  /** url, a container through `env`, stop, ls, start and version of a created machine. */
  static void runsStopsAndStarts(MachineCli cli, String name, TestHost host) throws Exception {
    assertThat(cli.run("url", name).out()).isEqualTo("tcp://" + host.ip() + ":2376\n");
    Tools.Result session = cli.bash(MachineCli.runContainerScript(name));
    assertThat(session.exit()).as(session.err()).isZero();
    assertThat(session.out()).isEqualTo("hello from " + name + "\n");

    Tools.Result stopped = cli.run("stop", name);
    assertThat(stopped.out())
        .isEqualTo("Stopping \"" + name + "\"...\nMachine \"" + name + "\" was stopped.\n");
    assertThat(cli.run("ls", "--format", "{{.Name}} {{.State}}").out())
        .isEqualTo(name + " Stopped\n");
    Tools.Result started = cli.run("start", name);
    assertThat(started.exit()).as(started.err()).isZero();
    assertThat(started.out())
        .startsWith("Starting \"" + name + "\"...\nMachine \"" + name + "\" was started.\n");
    assertThat(cli.run("version", name).out()).startsWith("20.10.");
  }
}
