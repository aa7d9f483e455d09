package io.jmachine.machine;

import java.util.List;

/**
 * One classic Swarm container as docker-machine runs it on a machine's engine: restarted always,
 * {@code publishedPort} (when above 0) published on all addresses under the same number.
 */
public record SwarmContainer(
    String name,
    String image,
    List<String> cmd,
    List<String> env,
    List<String> binds,
    List<Integer> exposedPorts,
    int publishedPort) {}
