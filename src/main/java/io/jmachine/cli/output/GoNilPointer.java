package io.jmachine.cli.output;

/**
 * A nil pointer to a struct, such as the {@code *swarm.Options} of an `ls` row whose machine did
 * not load or timed out. Unlike a nil interface (Java null), it is a value: it prints as {@code
 * <nil>} rather than {@code <no value>}, and reaching into it fails with {@code nil pointer
 * evaluating *swarm.Options.Discovery}.
 *
 * @param type the pointer type as reflect prints it, e.g. {@code *swarm.Options}
 */
public record GoNilPointer(String type) {}
