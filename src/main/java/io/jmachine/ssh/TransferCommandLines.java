package io.jmachine.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * docker-machine's command lines for scp, rsync (scp -d) and sshfs (spec §8.3, §8.4), with the
 * host-key options swapped for pinning. Remote paths never pass through a remote shell: scp uses
 * the SFTP protocol (OpenSSH 9's default) and rsync gets --protect-args.
 */
public final class TransferCommandLines {
  /** A side of a transfer: a local path (target null) or a path on a machine. */
  public record Endpoint(SshTarget target, String path) {
    String argument() {
      if (target == null) {
        return path;
      }
      String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
      return target.user() + "@" + host + ":" + path;
    }
  }

  private TransferCommandLines() {}

  public static List<String> scp(
      String scp,
      Endpoint source,
      Endpoint destination,
      boolean recursive,
      boolean quiet,
      List<String> hostKeyOptions) {
    List<String> args = new ArrayList<>();
    args.add(scp);
    args.addAll(sshOptions(source, destination, hostKeyOptions, true, recursive, quiet));
    args.add(source.argument());
    args.add(destination.argument());
    return args;
  }

  public static List<String> rsync(
      String rsync,
      Endpoint source,
      Endpoint destination,
      boolean recursive,
      boolean quiet,
      List<String> hostKeyOptions) {
    List<String> args = new ArrayList<>();
    args.add(rsync);
    if (!quiet) {
      args.add("--progress");
    }
    List<String> ssh = new ArrayList<>(List.of("ssh"));
    ssh.addAll(sshOptions(source, destination, hostKeyOptions, false, false, false));
    args.add("-e");
    args.add(String.join(" ", ssh.stream().map(TransferCommandLines::rsyncWord).toList()));
    if (recursive) {
      args.add("-r");
    }
    args.add("--protect-args");
    args.add(source.argument());
    args.add(destination.argument());
    return args;
  }

  public static List<String> sshfs(
      String sshfs, SshTarget target, String remotePath, String mountPoint, List<String> hostKeys) {
    List<String> args = new ArrayList<>();
    args.add(sshfs);
    args.addAll(hostKeys);
    args.addAll(List.of("-o", "LogLevel=quiet"));
    if (target.keyPath() != null) {
      args.addAll(List.of("-o", "IdentitiesOnly=yes"));
    }
    args.addAll(List.of("-o", "Port=" + target.port()));
    if (target.keyPath() != null) {
      // quoted, unlike docker-machine's, so that a store path with a space still works
      args.addAll(List.of("-o", "IdentityFile=" + OpenSshQuote.quote(target.keyPath().toString())));
    }
    args.add(new Endpoint(target, remotePath).argument());
    args.add(mountPoint);
    return args;
  }

  private static List<String> sshOptions(
      Endpoint source,
      Endpoint destination,
      List<String> hostKeyOptions,
      boolean scp,
      boolean recursive,
      boolean quiet) {
    List<String> args = new ArrayList<>(hostKeyOptions);
    args.addAll(List.of("-o", "LogLevel=quiet"));
    if (scp) {
      args.add("-3");
      if (recursive) {
        args.add("-r");
      }
      if (quiet) {
        args.add("-q");
      }
    }
    boolean everyRemoteHasKey =
        (source.target() == null || source.target().keyPath() != null)
            && (destination.target() == null || destination.target().keyPath() != null);
    if (everyRemoteHasKey) {
      args.addAll(List.of("-o", "IdentitiesOnly=yes"));
    }
    for (Endpoint side : List.of(source, destination)) {
      SshTarget target = side.target();
      if (target == null) {
        continue;
      }
      if (target.port() > 0) {
        args.addAll(List.of("-o", "Port=" + target.port()));
      }
      if (target.keyPath() != null) {
        args.addAll(
            List.of("-o", "IdentityFile=" + OpenSshQuote.quote(target.keyPath().toString())));
      }
    }
    return args;
  }

  /**
   * rsync splits its -e value at spaces, honouring quotes; a word with a space is wrapped in single
   * quotes so that ssh still gets the double quotes that keep a path whole.
   */
  private static String rsyncWord(String word) {
    if (!word.contains(" ") && !word.contains("'")) {
      return word;
    }
    return "'" + word.replace("'", "''") + "'";
  }
}
