package io.jmachine.provision;

import io.jmachine.ssh.SshResult;

/**
 * How a system starts and stops its Docker daemon, with docker-machine's exact command lines, and
 * where the daemon's own log is read when it fails to start.
 */
public abstract class ServiceManager {
  static final String SERVICE = "docker";

  public abstract String command(String action);

  /** The last lines of the daemon's log, for failure messages. */
  public abstract String logCommand();

  public void stop(RemoteShell sh) {
    sh.check("Stopping Docker", command("stop"));
  }

  public void start(RemoteShell sh) {
    startOrRestart(sh, "start");
  }

  public void restart(RemoteShell sh) {
    startOrRestart(sh, "restart");
  }

  /** Starts the service; a failure is reported with the daemon's log tail. */
  void startOrRestart(RemoteShell sh, String action) {
    String step = action.equals("start") ? "Starting Docker" : "Restarting Docker";
    SshResult result = sh.run(step, command(action));
    if (!result.succeeded()) {
      throw daemonFailure(sh, step, command(action), result);
    }
  }

  public void enable(RemoteShell sh) {}

  /** The error for a daemon that would not start: the command, its output, the daemon's log. */
  ProvisionException daemonFailure(RemoteShell sh, String step, String command, SshResult result) {
    return RemoteShell.failure(step, command, result, "", daemonLog(sh));
  }

  /** "daemon log (COMMAND):" and the log's tail, or why it could not be read. */
  public String daemonLog(RemoteShell sh) {
    String log = logCommand();
    try {
      SshResult r = sh.run("Reading the Docker daemon's log", log);
      return "daemon log (" + log + "):\n" + r.output().stripTrailing();
    } catch (ProvisionException e) {
      return "daemon log (" + log + "): unavailable: " + e.getMessage();
    }
  }

  /** systemd: daemon-reload before every start, as docker-machine does; -f on every action. */
  public static final class Systemd extends ServiceManager {
    static final String RELOAD = "sudo systemctl daemon-reload";

    @Override
    public String command(String action) {
      return "sudo systemctl -f " + action + " " + SERVICE;
    }

    @Override
    public String logCommand() {
      return "sudo journalctl -u docker -n 30 --no-pager";
    }

    /**
     * After a failure systemd may refuse further starts for a while ("start request repeated too
     * quickly"); its failed state is reset and the start tried once more before giving up.
     */
    @Override
    void startOrRestart(RemoteShell sh, String action) {
      String step = action.equals("start") ? "Starting Docker" : "Restarting Docker";
      sh.check("Reloading systemd", RELOAD);
      SshResult result = sh.run(step, command(action));
      if (result.succeeded()) {
        return;
      }
      sh.run("Resetting Docker's failed state", "sudo systemctl reset-failed " + SERVICE);
      result = sh.run(step, command(action));
      if (!result.succeeded()) {
        throw daemonFailure(sh, step, command(action), result);
      }
    }

    @Override
    public void enable(RemoteShell sh) {
      sh.check("Enabling Docker at boot", command("enable"));
    }
  }

  /** Upstart's service command (Ubuntu before 15.04). */
  public static final class Upstart extends ServiceManager {
    @Override
    public String command(String action) {
      return "sudo service " + SERVICE + " " + action;
    }

    @Override
    public String logCommand() {
      return "sudo tail -n 30 /var/log/upstart/docker.log";
    }
  }

  /** boot2docker's init script. */
  public static final class InitD extends ServiceManager {
    @Override
    public String command(String action) {
      return "sudo /etc/init.d/" + SERVICE + " " + action;
    }

    @Override
    public String logCommand() {
      return "sudo tail -n 30 /var/log/docker.log";
    }
  }

  /** RancherOS runs Docker as a system container. */
  public static final class SystemDocker extends ServiceManager {
    @Override
    public String command(String action) {
      return "sudo system-docker " + action + " " + SERVICE;
    }

    @Override
    public String logCommand() {
      return "sudo system-docker logs --tail 30 " + SERVICE;
    }
  }
}
