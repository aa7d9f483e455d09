package io.jmachine.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * docker-machine's command line for the system ssh (spec §8.1), except host-key checking, which
 * pins, and LogLevel, which is ERROR rather than quiet so ssh says why a connection failed.
 */
final class ExternalSshArgs {
  private ExternalSshArgs() {}

  static List<String> build(
      String ssh,
      SshTarget target,
      List<String> hostKeyOptions,
      long connectTimeoutSeconds,
      List<String> command) {
    List<String> args = new ArrayList<>();
    args.add(ssh);
    args.addAll(List.of("-F", "/dev/null"));
    option(args, "ConnectionAttempts=3");
    option(args, "ConnectTimeout=" + connectTimeoutSeconds);
    option(args, "ControlMaster=no");
    option(args, "ControlPath=none");
    option(args, "LogLevel=ERROR");
    option(args, "PasswordAuthentication=no");
    option(args, "ServerAliveInterval=60");
    args.addAll(hostKeyOptions);
    args.add(target.user() + "@" + target.host());
    if (target.keyPath() != null) {
      option(args, "IdentitiesOnly=yes");
      args.addAll(List.of("-i", target.keyPath().toString()));
    }
    args.addAll(List.of("-p", Integer.toString(target.port())));
    args.addAll(command);
    return args;
  }

  private static void option(List<String> args, String option) {
    args.add("-o");
    args.add(option);
  }
}
