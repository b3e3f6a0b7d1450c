package io.s2l.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who owns which study. Every method runs in the caller's transaction (Spring's, through {@link
 * JdbcTemplate}), so an owner row is written with its study, or not at all. The quotas are {@link
 * Quotas}.
 */
public class StudyOwners {

  private final JdbcTemplate jdbc;

  public StudyOwners(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that {@code key} created {@code studyId}: its owner owns it. */
  public void record(UUID studyId, ApiKey key, Instant now) {
    jdbc.update(
        "INSERT INTO access.study_owner (study_id, owner, key_id, created_at) VALUES (?, ?, ?, ?)",
        studyId,
        key.owner(),
        key.id(),
        Timestamp.from(now));
  }

  /**
   * Whether a key created the study, whichever service holds it (a study or an import): both are
   * recorded here.
   */
  public boolean recorded(UUID studyId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM access.study_owner WHERE study_id = ?)",
            Boolean.class,
            studyId));
  }

  /** Whether {@code key} may see the study: admins see every study, others their owner's. */
  public boolean visible(UUID studyId, ApiKey key) {
    if (key.isAdmin()) {
      return true;
    }
    Boolean owned =
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM access.study_owner WHERE study_id = ? AND owner = ?)",
            Boolean.class,
            studyId,
            key.owner());
    return Boolean.TRUE.equals(owned);
  }
}
