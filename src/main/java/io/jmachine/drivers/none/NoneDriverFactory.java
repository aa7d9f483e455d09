package io.jmachine.drivers.none;

import io.jmachine.driver.Driver;
import io.jmachine.driver.DriverFactory;
import io.jmachine.driver.DriverFlag;
import java.util.List;
import java.util.Map;

public final class NoneDriverFactory implements DriverFactory {
  @Override
  public String name() {
    return NoneDriver.NAME;
  }

  @Override
  public List<DriverFlag> createFlags() {
    return List.of(DriverFlag.string("url", "URL of host when no driver is selected", "", ""));
  }

  @Override
  public Driver newDriver(String machineName, String storePath) {
    return new NoneDriver(machineName, storePath);
  }

  @Override
  public Driver fromJson(Map<String, Object> blob) {
    return new NoneDriver(blob);
  }
}
