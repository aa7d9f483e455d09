package io.jmachine.drivers.amazonec2;

/**
 * How to reach EC2 for one machine: its region, the flags' credentials ("" to fall back to the
 * environment, the shared credentials file and the instance role), an endpoint ("" for AWS itself)
 * and the retry count for recoverable failures (-1 for none).
 */
record Ec2Settings(
    String region,
    String accessKey,
    String secretKey,
    String sessionToken,
    String endpoint,
    boolean disableSsl,
    int retryCount) {}
