package io.jmachine.testhost;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Implements {@link TestHosts}; use the annotation rather than this class. */
public final class TestHostExtension implements BeforeAllCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(TestHostExtension.class);
  private static final Namespace NAMESPACE = Namespace.create(TestHostExtension.class);
  private static final String FLEET = "fleet";

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<TestHosts> wanted =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), TestHosts.class);
    if (wanted.isEmpty()) {
      return; // a @Nested class without its own annotation uses its enclosing class's hosts
    }
    if (wanted.get().count() < 1) {
      throw new IllegalArgumentException("@TestHosts(count) must be at least 1");
    }
    Availability.requireTestHosts();
    HostScripts scripts = HostScripts.fromEnvironment();
    boolean docker = wanted.get().docker();
    if (!scripts.imageCached(docker)) {
      LOG.info("building the test-host image in {}, this takes about a minute", scripts.cacheDir());
      scripts.buildImage(docker);
    }
    HostFleet fleet = HostFleet.withFreshNames(scripts, wanted.get().count());
    // stored before booting: JUnit closes it with the class, even if booting fails half-way
    context.getStore(NAMESPACE).put(FLEET, fleet);
    fleet.boot(docker);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Type type = parameter.getParameter().getParameterizedType();
    return type == TestHost.class || isListOfTestHost(type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    HostFleet fleet = context.getStore(NAMESPACE).get(FLEET, HostFleet.class);
    if (fleet == null) {
      throw new ParameterResolutionException(
          "no test hosts here: annotate the test class with @TestHosts");
    }
    List<TestHost> hosts = fleet.hosts();
    if (isListOfTestHost(parameter.getParameter().getParameterizedType())) {
      return hosts;
    }
    if (hosts.size() != 1) {
      throw new ParameterResolutionException(
          "the class has " + hosts.size() + " test hosts: declare a List<TestHost> parameter");
    }
    return hosts.get(0);
  }

  private static boolean isListOfTestHost(Type type) {
    return type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] == TestHost.class;
  }
}
