package io.jmachine.ssh;

import java.nio.file.Path;

/**
 * Where and as whom to log in. {@code keyPath} may be null (agent and default keys); {@code
 * knownHosts} is the machine's own pinned host-key file.
 */
public record SshTarget(String host, int port, String user, Path keyPath, Path knownHosts) {}
