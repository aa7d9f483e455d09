package io.jmachine.testhost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boots {@link #count} fresh test hosts before the annotated class's tests and tears them down
 * after them, also when they fail. Tests, constructors and {@code @BeforeAll}/{@code @AfterAll}
 * methods receive them as a {@link TestHost} parameter (when {@code count} is 1) or a {@code
 * List<TestHost>}. A {@code @Nested} class shares its enclosing class's hosts unless it is
 * annotated itself.
 *
 * <p>Needs root and the tools {@code testhost/ci-setup.sh} installs; without them the class is
 * skipped, or fails when the environment variable {@code CI} is {@code true}. The first use builds
 * the cached host image (about a minute).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TestHostExtension.class)
public @interface TestHosts {

  /** How many hosts, booted in parallel. */
  int count() default 1;

  /** Boot from the image with docker.io installed and enabled (dockerd starts with the host). */
  boolean docker() default false;
}
