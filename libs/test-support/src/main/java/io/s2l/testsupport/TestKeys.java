package io.s2l.testsupport;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The admin key of service tests: configured as the bootstrap key, sent by the test client. */
public final class TestKeys {

  /** A fixed secret: tests run against throw-away databases only. */
  public static final String ADMIN = "s2l_test-admin-key-0123456789abcdefghijklmnopq";

  private TestKeys() {}

  /** Registers the bootstrap admin key; call from a {@code @DynamicPropertySource} method. */
  public static void register(BiConsumer<String, Supplier<Object>> registry) {
    registry.accept("s2l.access.admin-key", () -> ADMIN);
  }
}
