package io.jmachine.gob;

/**
 * A non-nil interface value: the concrete type's registered name (gob.Register's, such as
 * "*mcnflag.IntFlag" or "int"), its type and its value.
 */
public record GobInterface(String name, GobType type, Object value) {}
