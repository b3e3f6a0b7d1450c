package io.s2l.analysis.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/** Queues analyses on demand: the same study structure as its latest version, new options. */
@Service
public class AnalysisRequests {

  private final AnalysisReader reader;
  private final JobQueue queue;
  private final DataSource dataSource;
  private final ObjectMapper json;

  AnalysisRequests(
      AnalysisReader reader, JobQueue queue, DataSource dataSource, ObjectMapper json) {
    this.reader = reader;
    this.queue = queue;
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Queues a re-run of a study's analysis.
   *
   * @param metric {@code decisionAccuracy} or {@code r2}; null keeps the default
   * @param threshold in (0, 1]; null keeps the default
   * @return the job key
   */
  public String rerun(UUID studyId, String metric, Double threshold) {
    Metric.parse(metric);
    if (threshold != null && !(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be > 0 and <= 1");
    }
    try {
      AnalysisJobSpec spec =
          json.readValue(reader.latestSpec(studyId), AnalysisJobSpec.class)
              .withRecommendation(metric, threshold);
      String key = "rerun-" + UUID.randomUUID();
      try (Connection c = dataSource.getConnection()) {
        queue.enqueue(
            c,
            List.of(new NewJob(studyId, JobKinds.ANALYZE, key, json.writeValueAsString(spec), 3)));
      }
      return key;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable analysis spec of " + studyId, e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot queue the analysis of " + studyId, e);
    }
  }
}
