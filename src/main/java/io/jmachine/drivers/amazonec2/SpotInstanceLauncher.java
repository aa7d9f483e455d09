package io.jmachine.drivers.amazonec2;

import io.jmachine.error.MachineException;
import io.jmachine.machine.Sleeper;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * docker-machine's spot branch of create: RequestSpotInstances, the SDK's "spot instance request
 * fulfilled" waiter, then the instance the request launched.
 */
final class SpotInstanceLauncher {
  /** aws-sdk-go's WaitUntilSpotInstanceRequestFulfilled: 40 attempts, 15 seconds apart. */
  static final Duration WAITER_DELAY = Duration.ofSeconds(15);

  static final int WAITER_ATTEMPTS = 40;

  /** docker-machine retries finding the instance three times, 5 seconds apart. */
  static final Duration RESOLVE_DELAY = Duration.ofSeconds(5);

  private static final int RESOLVE_ATTEMPTS = 3;
  private static final String NOT_FOUND = "InvalidSpotInstanceRequestID.NotFound";
  private static final Set<String> FULFILLED =
      Set.of("fulfilled", "request-canceled-and-instance-running");
  private static final Set<String> FAILED =
      Set.of("schedule-expired", "canceled-before-fulfillment", "bad-parameters", "system-error");

  private final Ec2Api api;
  private final Consumer<String> info;
  private final Sleeper sleeper;

  SpotInstanceLauncher(Ec2Api api, Consumer<String> info, Sleeper sleeper) {
    this.api = api;
    this.info = info;
    this.sleeper = sleeper;
  }

  /**
   * Requests the instance and waits for it. The request id goes to requested before any waiting, so
   * that a failure from then on can cancel the request.
   */
  Ec2Api.Instance launch(
      Ec2Api.Launch launch,
      String spotPrice,
      long blockDurationMinutes,
      Consumer<String> requested) {
    String requestId;
    try {
      requestId = api.requestSpotInstance(launch, spotPrice, blockDurationMinutes);
    } catch (Ec2ApiException e) {
      throw new MachineException("Error request spot instance: " + e.getMessage(), e);
    }
    requested.accept(requestId);
    info.accept("Waiting for spot instance...");
    waitUntilFulfilled(requestId);
    info.accept("Created spot instance request " + requestId);
    return resolveInstance(requestId);
  }

  private void waitUntilFulfilled(String requestId) {
    for (int attempt = 1; attempt <= WAITER_ATTEMPTS; attempt++) {
      String code = statusCode(requestId);
      if (FULFILLED.contains(code)) {
        return;
      }
      if (FAILED.contains(code)) {
        throw new MachineException(
            "Error fulfilling spot request: ResourceNotReady: failed waiting for successful"
                + " resource state");
      }
      if (attempt < WAITER_ATTEMPTS) {
        sleeper.sleep(WAITER_DELAY);
      }
    }
    throw new MachineException(
        "Error fulfilling spot request: ResourceNotReady: exceeded wait attempts");
  }

  /** The request's status code; "" while EC2 does not know the request yet. */
  private String statusCode(String requestId) {
    try {
      return api.spotRequest(requestId).statusCode();
    } catch (Ec2ApiException e) {
      if (NOT_FOUND.equals(e.code())) {
        return "";
      }
      throw new MachineException("Error fulfilling spot request: " + e.getMessage(), e);
    }
  }

  private Ec2Api.Instance resolveInstance(String requestId) {
    String problem = "spot instance request " + requestId + " has no instance";
    for (int attempt = 0; attempt < RESOLVE_ATTEMPTS; attempt++) {
      Ec2Api.SpotRequest request;
      try {
        request = api.spotRequest(requestId);
      } catch (Ec2ApiException e) {
        throw new MachineException(
            "Error describing previously made spot instance request: " + e.getMessage(), e);
      }
      if (!request.instanceId().isEmpty()) {
        try {
          return api.instance(request.instanceId());
        } catch (Ec2ApiException e) {
          // EC2 may not know the instance yet; docker-machine asks again straight away
          problem = e.getMessage();
          continue;
        }
      }
      sleeper.sleep(RESOLVE_DELAY);
    }
    throw new MachineException("Error resolving spot instance to real instance: " + problem);
  }
}
