package io.s2l.access;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the key and ownership tables (schema {@code access}, its own Flyway history).
 * Both services call it at start-up; Flyway serialises concurrent callers with a lock.
 */
public final class AccessSchema {

  private AccessSchema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas("access")
        .table("flyway_access_history")
        .locations("classpath:db/access")
        .load()
        .migrate();
  }
}
