package io.jmachine.driver;

import java.util.List;
import java.util.Map;

/** Creates drivers of one kind: fresh for `create`, or from a stored config blob. */
public interface DriverFactory {
  String name();

  List<DriverFlag> createFlags();

  Driver newDriver(String machineName, String storePath);

  Driver fromJson(Map<String, Object> blob);
}
