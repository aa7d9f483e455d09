/**
 * docker-machine's TLS certificates: the shared CA and client pair ({@link
 * io.jmachine.cert.CertificateBootstrap}), each machine's daemon certificate ({@link
 * io.jmachine.cert.ServerCertificateIssuer}), expiry reports ({@link
 * io.jmachine.cert.CertificateExpiryChecker}) and the pre-{@code env} handshake check ({@link
 * io.jmachine.cert.ConnectionValidator}).
 *
 * <p>Issuing uses BouncyCastle; reading and TLS use the JDK alone, because {@code env}, {@code ls}
 * and {@code url} run on every shell prompt and loading BouncyCastle costs them hundreds of
 * milliseconds. Knows nothing of the command line or the machine store.
 */
package io.jmachine.cert;
