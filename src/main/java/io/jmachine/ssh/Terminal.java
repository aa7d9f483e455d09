package io.jmachine.ssh;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The user's own streams, which `docker-machine ssh` hands to the remote side as they are; {@code
 * tty} says whether stdin is a terminal (then a shell gets a PTY and the local terminal goes raw).
 */
public record Terminal(InputStream in, OutputStream out, OutputStream err, boolean tty) {}
