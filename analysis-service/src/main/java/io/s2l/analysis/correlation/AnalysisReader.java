package io.s2l.analysis.correlation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.web.PageView;
import io.s2l.api.correlation.AnalysisVersion;
import io.s2l.api.correlation.ScaleCorrelationResult;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads stored analysis versions. */
@Component
public class AnalysisReader {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  AnalysisReader(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The document of one version, or of the latest when {@code version} is null. */
  public ScaleCorrelationResult result(UUID studyId, Integer version) {
    List<ScaleCorrelationResult> found =
        jdbc.query(
            "SELECT version, computed_at, result::text FROM analysis.analysis_result"
                + " WHERE study_id = ? AND (CAST(? AS integer) IS NULL OR version = ?)"
                + " ORDER BY version DESC LIMIT 1",
            (rs, i) ->
                parse(rs.getString(3))
                    .served(rs.getInt(1), rs.getTimestamp(2).toInstant().toString()),
            studyId,
            version,
            version);
    if (found.isEmpty()) {
      throw new AnalysisNotFoundException(studyId, version);
    }
    return found.get(0);
  }

  /** The job payload of the latest version, for re-runs. */
  public String latestSpec(UUID studyId) {
    List<String> specs =
        jdbc.queryForList(
            "SELECT spec::text FROM analysis.analysis_result WHERE study_id = ?"
                + " ORDER BY version DESC LIMIT 1",
            String.class,
            studyId);
    if (specs.isEmpty()) {
      throw new AnalysisNotFoundException(studyId, null);
    }
    return specs.get(0);
  }

  /** Every version of a study's analysis, newest first. */
  public PageView<AnalysisVersion> versions(UUID studyId, int page, int size) {
    Long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM analysis.analysis_result WHERE study_id = ?",
            Long.class,
            studyId);
    List<AnalysisVersion> items =
        jdbc.query(
            "SELECT version, computed_at, result->'options'->>'metric', (result->'options'->>'threshold')::float8,"
                + " result->'recommendation'->>'recommendedScale' FROM analysis.analysis_result"
                + " WHERE study_id = ? ORDER BY version DESC LIMIT ? OFFSET ?",
            (rs, i) ->
                new AnalysisVersion(
                    rs.getInt(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getDouble(4),
                    rs.getString(5)),
            studyId,
            size,
            PageView.offset(page, size));
    return new PageView<>(items, page, size, total == null ? 0 : total);
  }

  private ScaleCorrelationResult parse(String text) {
    try {
      return json.readValue(text, ScaleCorrelationResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored analysis", e);
    }
  }
}
