package io.jmachine.ssh;

/**
 * One side of `scp`: {@code [[user@]machine:]path}. Without a colon, or with the machine {@code
 * localhost}, it is a local path; {@code machine} is then null and {@code user} empty.
 */
public record CopyLocation(String user, String machine, String path) {

  public static CopyLocation parse(String arg) {
    int colon = arg.indexOf(':');
    if (colon < 0) {
      return new CopyLocation("", null, arg);
    }
    String host = arg.substring(0, colon);
    String path = arg.substring(colon + 1);
    int at = host.indexOf('@');
    String user = at < 0 ? "" : host.substring(0, at);
    String machine = host.substring(at + 1);
    if (machine.equals("localhost")) {
      return new CopyLocation("", null, path);
    }
    return new CopyLocation(user, machine, path);
  }

  public boolean isRemote() {
    return machine != null;
  }
}
