package io.s2l.analysis.correlation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.StudyOwners;
import io.s2l.access.web.BadInputException;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.stats.study.AnalysisOptions;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues analyses on demand: the same study structure as its latest version, new options. */
@Service
public class AnalysisRequests {

  private final AnalysisReader reader;
  private final JobQueue queue;
  private final CurrentTransaction transaction;
  private final ObjectMapper json;
  private final StudyOwners owners;
  private final Clock clock;

  AnalysisRequests(
      AnalysisReader reader,
      JobQueue queue,
      CurrentTransaction transaction,
      ObjectMapper json,
      StudyOwners owners,
      Clock clock) {
    this.owners = owners;
    this.clock = clock;
    this.reader = reader;
    this.queue = queue;
    this.transaction = transaction;
    this.json = json;
  }

  /**
   * Queues a re-run of a study's analysis.
   *
   * @param metric {@code decisionAccuracy} or {@code r2}; null keeps the default
   * @param threshold in (0, 1]; null keeps the default
   * @param minDistributions the fewest distributions for a recommendation, from 3 to 1000; null
   *     keeps the default, 6
   * @param caller the key asking: the job is charged to it
   * @return the job key
   */
  @Transactional
  public String rerun(
      UUID studyId, String metric, Double threshold, Integer minDistributions, ApiKey caller) {
    Metric.parse(metric);
    if (threshold != null && !(threshold > 0 && threshold <= 1)) {
      throw new BadInputException("threshold must be > 0 and <= 1");
    }
    if (minDistributions != null
        && (minDistributions < AnalysisOptions.MIN_DISTRIBUTIONS_LOWEST
            || minDistributions > AnalysisOptions.MIN_DISTRIBUTIONS_HIGHEST)) {
      throw new BadInputException(
          "minDistributions must be from "
              + AnalysisOptions.MIN_DISTRIBUTIONS_LOWEST
              + " to "
              + AnalysisOptions.MIN_DISTRIBUTIONS_HIGHEST);
    }
    try {
      AnalysisJobSpec spec =
          json.readValue(reader.latestSpec(studyId), AnalysisJobSpec.class)
              .withRecommendation(metric, threshold, minDistributions);
      String key = "rerun-" + UUID.randomUUID();
      List<NewJob> jobs =
          List.of(new NewJob(studyId, JobKinds.ANALYZE, key, json.writeValueAsString(spec), 3));
      transaction.run(c -> queue.enqueue(c, jobs));
      owners.charge(caller, studyId, 1, "rerun", clock.instant(), null);
      return key;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable analysis spec of " + studyId, e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot queue the analysis of " + studyId, e);
    }
  }
}
