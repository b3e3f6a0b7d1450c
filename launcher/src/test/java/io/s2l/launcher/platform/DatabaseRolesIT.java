package io.s2l.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each process connects as its own database role with exactly the schemas it uses: the platform
 * starts and migrates under them, the worker cannot touch API keys, the analysis service reads only
 * the views of training, and a database an earlier version made under one role is handed over.
 */
class DatabaseRolesIT {

  private static final String DENIED = "42501";

  @Test
  void everyProcessRunsAsItsOwnRoleWithOnlyTheSchemasItUses() throws Exception {
    PlatformSettings settings =
        new PlatformSettings(
            Path.of("..").toAbsolutePath().normalize(),
            null,
            null,
            true,
            1,
            0,
            0,
            Path.of("target", "database-roles-it"));
    try (Platform platform = Platform.start(settings, s -> {})) {
      // the three started and migrated their schemas under their roles
      assertThat(platform.exitedProcesses()).isEmpty();
      Database worker = platform.database("trainer-worker");
      Database analysis = platform.database("analysis-service");
      Database experiment = platform.database("experiment-service");
      assertThat(worker.user()).isEqualTo("s2l_worker");

      try (Connection c = connect(worker)) {
        assertCan(c, "SELECT count(*) FROM queue.job");
        assertCan(c, "SELECT count(*) FROM training.run");
        assertDenied(c, "SELECT count(*) FROM access.api_key");
        assertDenied(
            c,
            "INSERT INTO access.api_key (owner, name, role, key_sha256, prefix, created_at)"
                + " VALUES ('x', 'x', 'ADMIN', '\\x00', 'x', now())");
        assertDenied(c, "SELECT count(*) FROM experiment.study");
        assertDenied(c, "SELECT count(*) FROM analysis.analysis_result");
      }
      // a callback job is signed with a key's secret: only the services may queue one
      try (Connection c = connect(worker)) {
        c.setAutoCommit(false);
        assertDenied(c, queueJob("callback"));
        c.rollback();
        assertCan(c, queueJob("train"));
        c.rollback();
      }
      try (Connection c = connect(analysis)) {
        c.setAutoCommit(false);
        assertCan(c, queueJob("callback"));
        c.rollback();
        c.setAutoCommit(true);
        assertCan(c, "SELECT count(*) FROM training.run_summary");
        assertCan(c, "SELECT count(*) FROM training.run_example_losses");
        assertCan(c, "SELECT count(*) FROM access.api_key");
        assertDenied(c, "SELECT count(*) FROM training.run");
        assertDenied(c, "SELECT count(*) FROM experiment.study");
      }
      try (Connection c = connect(experiment)) {
        assertCan(c, "SELECT count(*) FROM access.study_owner");
        assertCan(c, "SELECT count(*) FROM queue.job");
        assertDenied(c, "SELECT count(*) FROM training.run_summary");
        assertDenied(c, "SELECT count(*) FROM analysis.analysis_result");
      }
      try (Connection c = connect(platform.database());
          Statement s = c.createStatement()) {
        // the shared schemas belong to their groups, whoever migrated them first
        var owners =
            s.executeQuery(
                "SELECT DISTINCT n.nspname, pg_get_userbyid(c.relowner) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname IN ('queue', 'access') AND c.relkind = 'r'");
        Map<String, String> byschema = new java.util.HashMap<>();
        while (owners.next()) {
          assertThat(byschema.put(owners.getString(1), owners.getString(2))).isNull();
        }
        assertThat(byschema)
            .containsEntry("queue", "s2l_queue")
            .containsEntry("access", "s2l_access");
      }
    }
  }

  @Test
  void aDatabaseMadeUnderOneRoleIsHandedToTheRoles() throws Exception {
    try (EmbeddedDatabase embedded = EmbeddedDatabase.start(null, s -> {})) {
      Database admin = embedded.coordinates();
      try (Connection c = connect(admin);
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA experiment");
        s.execute("CREATE TABLE experiment.study (id uuid PRIMARY KEY)");
        s.execute("CREATE SCHEMA queue");
        s.execute("CREATE TABLE queue.job (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)");
      }
      Map<String, Database> roles = DatabaseRoles.provision(admin);
      DatabaseRoles.provision(admin); // a second run changes nothing and does not fail
      roles = DatabaseRoles.provision(admin);
      try (Connection c = connect(roles.get("experiment-service"))) {
        assertCan(c, "INSERT INTO experiment.study VALUES (gen_random_uuid())");
        assertCan(c, "INSERT INTO queue.job DEFAULT VALUES");
      }
      try (Connection c = connect(roles.get("trainer-worker"))) {
        assertCan(c, "INSERT INTO queue.job DEFAULT VALUES");
        assertDenied(c, "SELECT count(*) FROM experiment.study");
      }
    }
  }

  /** A job of {@code kind}, inserted as a process would, in a transaction the test rolls back. */
  private static String queueJob(String kind) {
    return "INSERT INTO queue.job (study_id, kind, job_key, payload, max_attempts, run_after,"
        + " created_at, updated_at) VALUES (gen_random_uuid(), '"
        + kind
        + "', 'k', '{}', 1, now(), now(), now())";
  }

  private static Connection connect(Database db) throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  private static void assertCan(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void assertDenied(Connection c, String sql) {
    assertThatThrownBy(
            () -> {
              try (Statement s = c.createStatement()) {
                s.execute(sql);
              }
            })
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(DENIED));
  }
}
