package io.s2l.queue;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the queue's tables (schema {@code queue}, its own Flyway history). Every
 * process that uses the queue calls it at start-up: it is idempotent and Flyway serialises
 * concurrent callers with a lock, so services and workers may start in any order.
 */
public final class QueueSchema {

  private QueueSchema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas("queue")
        .table("flyway_queue_history")
        .locations("classpath:db/queue")
        .load()
        .migrate();
  }
}
