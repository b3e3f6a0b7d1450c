package io.s2l.analysis.attribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.storage.VersionedRows;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.attribution.Scores;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CompletingTransaction;
import io.s2l.study.AttributionJobSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores attribution analyses as versions (document and scores, and the verification jobs of a
 * selection study, with the job's completion) and reads the latest back.
 */
@Component
public class AttributionStore {

  private static final String[] COLUMNS = {"spec", "result"};

  private final CompletingTransaction completing;
  private final JdbcTemplate jdbc;
  private final JobQueue queue;
  private final ObjectMapper json;
  private final Clock clock;

  AttributionStore(
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

  /** The latest version's document, with its version. */
  public record Stored(int version, AttributionResult document) {}

  /** Returns the version stored. */
  int storeAndComplete(
      AttributionJobSpec spec,
      AttributionResult document,
      List<ScaleAttribution> scales,
      List<NewJob> jobs,
      ClaimedJob job) {
    UUID study = spec.studyId();
    String specJson = write(spec);
    String documentJson = write(document);
    return completing.run(
        job,
        "the attribution of " + study,
        c -> {
          int version =
              VersionedRows.insertNext(
                  c, "attribution_result", study, clock.instant(), COLUMNS, specJson, documentJson);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO analysis.attribution_scores (study_id, version, scale, targets,"
                      + " pool, scores) VALUES (?,?,?,?,?,?)")) {
            for (ScaleAttribution s : scales) {
              ps.setObject(1, study);
              ps.setInt(2, version);
              ps.setString(3, s.scale());
              ps.setInt(4, s.scores().targets());
              ps.setInt(5, s.scores().pool());
              ps.setBytes(6, bytes(s.scores().values()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          queue.enqueueAbsent(c, jobs);
          return version;
        });
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private AttributionResult read(String document) {
    try {
      return json.readValue(document, AttributionResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable attribution document", e);
    }
  }

  public Optional<Stored> latest(UUID study) {
    return jdbc
        .query(
            "SELECT version, result::text FROM analysis.attribution_result WHERE study_id = ?"
                + " ORDER BY version DESC LIMIT 1",
            (rs, i) -> new Stored(rs.getInt(1), read(rs.getString(2))),
            study)
        .stream()
        .findFirst();
  }

  /** One scale's scores of one version. */
  public Optional<Scores> scores(UUID study, int version, String scale) {
    return jdbc
        .query(
            "SELECT targets, pool, scores FROM analysis.attribution_scores"
                + " WHERE study_id = ? AND version = ? AND scale = ?",
            (rs, i) -> new Scores(rs.getInt(1), rs.getInt(2), floats(rs.getBytes(3))),
            study,
            version,
            scale)
        .stream()
        .findFirst();
  }

  private static byte[] bytes(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  private static float[] floats(byte[] bytes) {
    float[] values = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
