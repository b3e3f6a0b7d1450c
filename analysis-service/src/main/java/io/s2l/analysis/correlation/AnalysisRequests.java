package io.s2l.analysis.correlation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.QuotaCharge;
import io.s2l.access.Quotas;
import io.s2l.analysis.recommendation.RecommendationChoice;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.ComputeEstimate;
import io.s2l.study.JobKinds;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Queues analyses on demand: the same study structure as its latest version, new options. */
@Service
public class AnalysisRequests {

  private final AnalysisReader reader;
  private final JobQueue queue;
  private final CurrentTransaction transaction;
  private final ObjectMapper json;
  private final Quotas quotas;

  AnalysisRequests(
      AnalysisReader reader,
      JobQueue queue,
      CurrentTransaction transaction,
      ObjectMapper json,
      Quotas quotas) {
    this.quotas = quotas;
    this.reader = reader;
    this.queue = queue;
    this.transaction = transaction;
    this.json = json;
  }

  /**
   * Queues a re-run of a study's analysis, its place in the key's quotas held first: call it with
   * no transaction open.
   *
   * @param choice the recommendation's metric, threshold and minimum number of distributions
   * @param caller the key asking: the job is charged to it
   * @return the job key
   */
  public String rerun(UUID studyId, RecommendationChoice choice, ApiKey caller) {
    try {
      AnalysisJobSpec spec =
          choice.applyTo(json.readValue(reader.latestSpec(studyId), AnalysisJobSpec.class));
      String key = "rerun-" + UUID.randomUUID();
      List<NewJob> jobs =
          List.of(new NewJob(studyId, JobKinds.ANALYZE, key, json.writeValueAsString(spec), 3));
      QuotaCharge charge = new QuotaCharge("rerun", 1, ComputeEstimate.ANALYSIS_FLOPS, false);
      quotas.charged(
          caller,
          studyId,
          charge,
          () -> {
            try {
              transaction.run(c -> queue.enqueue(c, jobs));
            } catch (SQLException e) {
              throw new IllegalStateException("cannot queue the analysis of " + studyId, e);
            }
            return null;
          });
      return key;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable analysis spec of " + studyId, e);
    }
  }
}
