package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.testsupport.RewrittenMigration;
import io.s2l.testsupport.TestDatabase;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * V1's first comment changed after it was applied; a database migrated before the change still
 * starts (db/analysis/beforeValidate__realign_checksums.sql), and only because of that callback.
 */
class RewrittenMigrationIT {

  /** The checksum of V1's former text, as Flyway 11.7 computed it for the file then committed. */
  private static final RewrittenMigration V1 =
      new RewrittenMigration("analysis", "db/analysis", "1", 1432817363);

  @Test
  void aDatabaseMigratedBeforeTheCommentChangedStillMigratesAndValidates() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    V1.databaseMigratedBeforeTheChange(db);

    assertThatThrownBy(() -> V1.withoutCallbacks(db).validate())
        .isInstanceOf(FlywayValidateException.class)
        .hasMessageContaining("checksum mismatch for migration version 1");

    assertThat(V1.current(db).migrate().success).isTrue();
    V1.current(db).validate();
    V1.withoutCallbacks(db).validate(); // realigned for good
  }
}
