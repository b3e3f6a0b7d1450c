package io.s2l.analysis.selection;

import io.s2l.analysis.storage.VersionedRows;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.spring.CompletingTransaction;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores selection verifications as versions and reads the latest back. */
@Component
class SelectionStore {

  private static final String[] COLUMNS = {"result"};

  private final CompletingTransaction completing;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SelectionStore(CompletingTransaction completing, JdbcTemplate jdbc, Clock clock) {
    this.completing = completing;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The latest version's document, with its version. */
  record Stored(int version, String document) {}

  int storeAndComplete(UUID study, String resultJson, ClaimedJob job) {
    return completing.run(
        job,
        "the selection of " + study,
        c ->
            VersionedRows.insertNext(
                c, "selection_result", study, clock.instant(), COLUMNS, resultJson));
  }

  Optional<Stored> latest(UUID study) {
    return jdbc
        .query(
            "SELECT version, result::text FROM analysis.selection_result WHERE study_id = ?"
                + " ORDER BY version DESC LIMIT 1",
            (rs, i) -> new Stored(rs.getInt(1), rs.getString(2)),
            study)
        .stream()
        .findFirst();
  }
}
