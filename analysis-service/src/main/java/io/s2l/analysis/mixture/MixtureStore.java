package io.s2l.analysis.mixture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.storage.VersionedRows;
import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CompletingTransaction;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores mixture recommendations as versions (with the reference jobs that verify them, in the
 * transaction that completes the recommendation job) and their verification.
 */
@Component
class MixtureStore {

  private static final String[] COLUMNS = {"recommendation"};

  private final CompletingTransaction completing;
  private final JdbcTemplate jdbc;
  private final JobQueue queue;
  private final ObjectMapper json;
  private final Clock clock;

  MixtureStore(
      CompletingTransaction completing,
      JdbcTemplate jdbc,
      JobQueue queue,
      ObjectMapper json,
      Clock clock) {
    this.completing = completing;
    this.jdbc = jdbc;
    this.queue = queue;
    this.json = json;
    this.clock = clock;
  }

  /** A version: its recommendation, and its verification once measured (else null). */
  record Stored(
      int version, MixtureRecommendation recommendation, MixtureVerification verification) {}

  int recommendAndComplete(
      UUID study, MixtureRecommendation document, List<NewJob> jobs, ClaimedJob job) {
    String recommendation = write(document);
    return completing.run(
        job,
        "the recommendation of " + study,
        c -> {
          int version =
              VersionedRows.insertNext(
                  c, "mixture_result", study, clock.instant(), COLUMNS, recommendation);
          queue.enqueueAbsent(c, jobs);
          return version;
        });
  }

  void verifyAndComplete(UUID study, int version, MixtureVerification document, ClaimedJob job) {
    String verification = write(document);
    completing.run(
        job,
        "the verification of " + study,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE analysis.mixture_result SET verification = ?::json, verified_at = ?"
                      + " WHERE study_id = ? AND version = ?")) {
            ps.setString(1, verification);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setObject(3, study);
            ps.setInt(4, version);
            if (ps.executeUpdate() != 1) {
              throw new IllegalStateException(
                  "no recommendation version " + version + " of " + study);
            }
            return version;
          }
        });
  }

  Optional<Stored> latest(UUID study) {
    return jdbc
        .query(
            "SELECT version, recommendation::text, verification::text FROM"
                + " analysis.mixture_result WHERE study_id = ? ORDER BY version DESC LIMIT 1",
            (rs, i) ->
                new Stored(
                    rs.getInt(1),
                    read(rs.getString(2), MixtureRecommendation.class),
                    rs.getString(3) == null
                        ? null
                        : read(rs.getString(3), MixtureVerification.class)),
            study)
        .stream()
        .findFirst();
  }

  private String write(Object document) {
    try {
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + document.getClass().getSimpleName(), e);
    }
  }

  private <T> T read(String document, Class<T> type) {
    try {
      return json.readValue(document, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored " + type.getSimpleName(), e);
    }
  }
}
