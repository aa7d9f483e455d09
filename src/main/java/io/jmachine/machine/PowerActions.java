package io.jmachine.machine;

import io.jmachine.driver.Driver;
import io.jmachine.driver.MachineState;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/** start, stop, kill and restart with docker-machine's checks, messages and state polling. */
public final class PowerActions {
  private static final Duration POLL = Duration.ofSeconds(3);
  private static final int MAX_POLLS = 60;

  private final Consumer<String> info;
  private final Sleeper sleeper;
  private final Consumer<Host> afterStart;

  public PowerActions(Consumer<String> info, Sleeper sleeper) {
    this(info, sleeper, host -> {});
  }

  /**
   * {@code afterStart} runs once a machine is running again after start or restart: docker-machine
   * then detects the provisioner and waits for the daemon's port.
   */
  public PowerActions(Consumer<String> info, Sleeper sleeper, Consumer<Host> afterStart) {
    this.info = info;
    this.sleeper = sleeper;
    this.afterStart = afterStart;
  }

  public void start(Host host) {
    info.accept("Starting \"" + host.name() + "\"...");
    transition(host, MachineState.RUNNING, Driver::start);
    info.accept("Machine \"" + host.name() + "\" was started.");
    afterStart.accept(host);
  }

  public void stop(Host host) {
    info.accept("Stopping \"" + host.name() + "\"...");
    transition(host, MachineState.STOPPED, Driver::stop);
    info.accept("Machine \"" + host.name() + "\" was stopped.");
  }

  public void kill(Host host) {
    info.accept("Killing \"" + host.name() + "\"...");
    transition(host, MachineState.STOPPED, Driver::kill);
    info.accept("Machine \"" + host.name() + "\" was killed.");
  }

  public void restart(Host host) {
    info.accept("Restarting \"" + host.name() + "\"...");
    MachineState state = host.driver().getState();
    if (state == MachineState.STOPPED) {
      transition(host, MachineState.RUNNING, Driver::start);
    } else if (state == MachineState.RUNNING) {
      host.driver().restart();
      waitFor(host, MachineState.RUNNING);
    }
    afterStart.accept(host);
  }

  private void transition(Host host, MachineState target, Consumer<Driver> action) {
    MachineState current = host.driver().getState();
    if (current == target) {
      throw new MachineException(
          "Machine \""
              + host.name()
              + "\" is already "
              + target.label().toLowerCase(Locale.ROOT)
              + ".");
    }
    action.accept(host.driver());
    waitFor(host, target);
  }

  private void waitFor(Host host, MachineState target) {
    for (int i = 0; i < MAX_POLLS; i++) {
      if (host.driver().getState() == target) {
        return;
      }
      sleeper.sleep(POLL);
    }
    throw new MachineException("Maximum number of retries (" + MAX_POLLS + ") exceeded");
  }
}
