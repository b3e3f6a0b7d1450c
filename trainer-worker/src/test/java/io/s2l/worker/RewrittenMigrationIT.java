package io.s2l.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.queue.QueueSchema;
import io.s2l.testsupport.RewrittenMigration;
import io.s2l.testsupport.TestDatabase;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V5's first comment changed after it was applied; a database migrated before the change still
 * starts (db/training/beforeValidate__realign_checksums.sql), and only because of that callback.
 */
class RewrittenMigrationIT {

  /** The checksum of V5's former text, as Flyway 11.7 computed it for the file then committed. */
  private static final RewrittenMigration V5 =
      new RewrittenMigration("training", "db/training", "5", -550266294);

  @Test
  void aDatabaseMigratedBeforeTheCommentChangedStillMigratesAndValidates() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.url());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    QueueSchema.migrate(dataSource);
    V5.databaseMigratedBeforeTheChange(db);

    assertThatThrownBy(() -> V5.withoutCallbacks(db).validate())
        .isInstanceOf(FlywayValidateException.class)
        .hasMessageContaining("checksum mismatch for migration version 5");

    assertThat(V5.current(db).migrate().success).isTrue();
    V5.current(db).validate();
    V5.withoutCallbacks(db).validate(); // realigned for good
  }
}
