package io.s2l.analysis.correlation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.access.web.PageView;
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
  public ObjectNode result(UUID studyId, Integer version) {
    List<ObjectNode> found =
        jdbc.query(
            "SELECT version, computed_at, result::text FROM analysis.analysis_result"
                + " WHERE study_id = ? AND (CAST(? AS integer) IS NULL OR version = ?)"
                + " ORDER BY version DESC LIMIT 1",
            (rs, i) -> {
              ObjectNode doc = parse(rs.getString(3));
              doc.put("version", rs.getInt(1));
              doc.put("computedAt", rs.getTimestamp(2).toInstant().toString());
              return doc;
            },
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

  private ObjectNode parse(String text) {
    try {
      return (ObjectNode) json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored analysis", e);
    }
  }
}
