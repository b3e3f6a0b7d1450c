package io.s2l.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.s2l.testsupport.TestDatabase;

/** A pooled data source on a fresh database with the queue schema, for integration tests. */
final class QueueDatabase {

  private QueueDatabase() {}

  /** A new, empty, migrated database; close the pool when done. */
  static HikariDataSource fresh() {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(6);
    HikariDataSource dataSource = new HikariDataSource(config);
    QueueSchema.migrate(dataSource);
    return dataSource;
  }
}
