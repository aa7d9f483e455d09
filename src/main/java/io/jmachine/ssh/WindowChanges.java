package io.jmachine.ssh;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Calls back while it is open whenever the local terminal is resized (SIGWINCH), so that a remote
 * PTY can follow. The JDK's only way to handle a signal is sun.misc.Signal, in the jdk.unsupported
 * module that exists for such uses; it is reached by reflection because javac flags any direct use
 * as internal API, and the build treats warnings as errors. Where the JVM does not offer the signal
 * (e.g. -Xrs), nothing is watched.
 */
final class WindowChanges implements AutoCloseable {
  private final Object signal;
  private final Object previous;

  private WindowChanges(Object signal, Object previous) {
    this.signal = signal;
    this.previous = previous;
  }

  static WindowChanges watch(Runnable onResize) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance("WINCH");
      Object handler =
          Proxy.newProxyInstance(
              handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, calling(onResize));
      return new WindowChanges(signal, install(signal, handler));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new WindowChanges(null, null);
    }
  }

  private static InvocationHandler calling(Runnable onResize) {
    return (proxy, method, args) -> {
      switch (method.getName()) {
        case "handle" -> onResize.run();
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "window size watcher";
        }
        default -> {
          // SignalHandler has no other method
        }
      }
      return null;
    };
  }

  private static Object install(Object signal, Object handler) throws ReflectiveOperationException {
    Class<?> signalClass = signal.getClass();
    Method handle =
        signalClass.getMethod("handle", signalClass, Class.forName("sun.misc.SignalHandler"));
    return handle.invoke(null, signal, handler);
  }

  /** Gives the signal back to whoever handled it before. */
  @Override
  public void close() {
    if (signal == null) {
      return;
    }
    try {
      install(signal, previous);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // the process is about to end its session; a handler left behind only resizes nothing
    }
  }
}
