package io.jmachine.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact argv handed to ssh, scp, rsync and sshfs (spec §8.1, §8.3, §8.4). */
class CommandLinesTest {
  private static final SshTarget UBU =
      new SshTarget(
          "127.0.0.1",
          2222,
          "root",
          Path.of("/s/machines/ubu/userkey"),
          Path.of("/s/machines/ubu/known_hosts"));
  private static final List<String> PINNED = HostKeyOptions.of(true, true, List.of(UBU));

  @Test
  void ssh_pinnedMachine_isDockerMachinesArgvWithStrictChecking() {
    assertThat(ExternalSshArgs.build("/usr/bin/ssh", UBU, PINNED, 10, List.of("ls", "-l")))
        .containsExactly(
            "/usr/bin/ssh",
            "-F",
            "/dev/null",
            "-o",
            "ConnectionAttempts=3",
            "-o",
            "ConnectTimeout=10",
            "-o",
            "ControlMaster=no",
            "-o",
            "ControlPath=none",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "PasswordAuthentication=no",
            "-o",
            "ServerAliveInterval=60",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "UserKnownHostsFile=\"/s/machines/ubu/known_hosts\"",
            "root@127.0.0.1",
            "-o",
            "IdentitiesOnly=yes",
            "-i",
            "/s/machines/ubu/userkey",
            "-p",
            "2222",
            "ls",
            "-l");
  }

  @Test
  void hostKeyOptions_firstContact_acceptsNewKeysOfATypeBothClientsCheck() {
    assertThat(HostKeyOptions.of(true, false, List.of(UBU)))
        .containsExactly(
            "-o",
            "StrictHostKeyChecking=accept-new",
            "-o",
            "UserKnownHostsFile=\"/s/machines/ubu/known_hosts\"",
            "-o",
            "HostKeyAlgorithms=^ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
                + "rsa-sha2-512,rsa-sha2-256");
  }

  @Test
  void hostKeyOptions_pinningOff_isDockerMachinesAcceptAnything() {
    assertThat(HostKeyOptions.of(false, true, List.of(UBU)))
        .containsExactly("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null");
  }

  @Test
  void ssh_noKey_leavesOutIdentityOptions() {
    SshTarget agent = new SshTarget("h", 22, "me", null, Path.of("/k h/known_hosts"));
    List<String> args =
        ExternalSshArgs.build(
            "ssh", agent, HostKeyOptions.of(true, true, List.of(agent)), 10, List.of());

    assertThat(args)
        .doesNotContain("-i", "IdentitiesOnly=yes")
        .contains("UserKnownHostsFile=\"/k h/known_hosts\"");
    assertThat(args.subList(args.size() - 3, args.size())).containsExactly("me@h", "-p", "22");
  }

  @Test
  void scp_localToMachine_isTheObservedCommandLine() {
    List<String> args =
        TransferCommandLines.scp(
            "/usr/bin/scp",
            new TransferCommandLines.Endpoint(null, "/tmp/f.txt"),
            new TransferCommandLines.Endpoint(UBU, "/tmp/x"),
            true,
            false,
            PINNED);

    assertThat(args)
        .containsExactly(
            "/usr/bin/scp",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "UserKnownHostsFile=\"/s/machines/ubu/known_hosts\"",
            "-o",
            "LogLevel=quiet",
            "-3",
            "-r",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "Port=2222",
            "-o",
            "IdentityFile=\"/s/machines/ubu/userkey\"",
            "/tmp/f.txt",
            "root@127.0.0.1:/tmp/x");
  }

  @Test
  void scp_machineToMachine_namesBothKeysAndBothKnownHostsFiles() {
    SshTarget other =
        new SshTarget("10.0.0.2", 22, "docker", null, Path.of("/s/machines/b/known_hosts"));
    List<SshTarget> both = List.of(UBU, other);

    List<String> args =
        TransferCommandLines.scp(
            "scp",
            new TransferCommandLines.Endpoint(UBU, "/a b"),
            new TransferCommandLines.Endpoint(other.withUser("me"), "/c;d"),
            false,
            true,
            HostKeyOptions.forTools(true, both));

    assertThat(args)
        .containsExactly(
            "scp",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "UserKnownHostsFile=\"/s/machines/ubu/known_hosts\" \"/s/machines/b/known_hosts\"",
            "-o",
            "LogLevel=quiet",
            "-3",
            "-q",
            "-o",
            "Port=2222",
            "-o",
            "IdentityFile=\"/s/machines/ubu/userkey\"",
            "-o",
            "Port=22",
            "root@127.0.0.1:/a b",
            "me@10.0.0.2:/c;d");
  }

  @Test
  void rsync_isOneSshWordForMinusE_andProtectsRemotePaths() {
    List<String> args =
        TransferCommandLines.rsync(
            "/usr/bin/rsync",
            new TransferCommandLines.Endpoint(null, "/tmp/f.txt"),
            new TransferCommandLines.Endpoint(UBU.withUser("docker"), "/tmp/x"),
            false,
            false,
            PINNED);

    assertThat(args)
        .containsExactly(
            "/usr/bin/rsync",
            "--progress",
            "-e",
            "ssh -o StrictHostKeyChecking=yes -o UserKnownHostsFile=\"/s/machines/ubu/known_hosts\""
                + " -o LogLevel=quiet -o IdentitiesOnly=yes -o Port=2222"
                + " -o IdentityFile=\"/s/machines/ubu/userkey\"",
            "--protect-args",
            "/tmp/f.txt",
            "docker@127.0.0.1:/tmp/x");
  }

  @Test
  void rsync_pathWithSpace_isSingleQuotedForRsyncsSplitter() {
    SshTarget spaced =
        new SshTarget("h", 22, "root", Path.of("/a b/key"), Path.of("/a b/known_hosts"));
    List<String> args =
        TransferCommandLines.rsync(
            "rsync",
            new TransferCommandLines.Endpoint(spaced, "/x"),
            new TransferCommandLines.Endpoint(null, "y"),
            true,
            true,
            HostKeyOptions.forTools(true, List.of(spaced)));

    assertThat(args.get(2))
        .isEqualTo(
            "ssh -o StrictHostKeyChecking=yes -o 'UserKnownHostsFile=\"/a b/known_hosts\"'"
                + " -o LogLevel=quiet -o IdentitiesOnly=yes -o Port=22"
                + " -o 'IdentityFile=\"/a b/key\"'");
    assertThat(args.subList(3, args.size()))
        .containsExactly("-r", "--protect-args", "root@h:/x", "y");
  }

  @Test
  void sshfs_isTheObservedCommandLine() {
    assertThat(TransferCommandLines.sshfs("/usr/bin/sshfs", UBU, "/data", "/tmp/mnt", PINNED))
        .containsExactly(
            "/usr/bin/sshfs",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "UserKnownHostsFile=\"/s/machines/ubu/known_hosts\"",
            "-o",
            "LogLevel=quiet",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "Port=2222",
            "-o",
            "IdentityFile=\"/s/machines/ubu/userkey\"",
            "root@127.0.0.1:/data",
            "/tmp/mnt");
  }

  @Test
  void copyLocation_parsesDockerMachinesForms() {
    assertThat(CopyLocation.parse("/tmp/f")).isEqualTo(new CopyLocation("", null, "/tmp/f"));
    assertThat(CopyLocation.parse("localhost:/tmp/f"))
        .isEqualTo(new CopyLocation("", null, "/tmp/f"));
    assertThat(CopyLocation.parse("ubu:~/f")).isEqualTo(new CopyLocation("", "ubu", "~/f"));
    assertThat(CopyLocation.parse("me@ubu:/a:b")).isEqualTo(new CopyLocation("me", "ubu", "/a:b"));
  }
}
