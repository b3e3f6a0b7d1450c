package io.s2l.experiment.study.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.study.PlanSummary;
import io.s2l.study.StudyDefinition;
import java.time.Instant;
import java.util.UUID;

/**
 * A study as the API shows it.
 *
 * @param plan resolved distributions, evaluation sets, scales and seeds
 * @param progress training-job counts and the fraction done
 * @param failure why the study failed, when it did
 * @param owner the owner of the key that submitted it; null for a study without one
 * @param kind what it computes ({@code scale-correlation}, {@code attribution}, {@code selection}
 *     or {@code mixture}), from its definition
 * @param definition the definition as it was submitted: in the answer about one study only, not in
 *     lists
 */
record StudyView(
    UUID id,
    String name,
    StudyStatus status,
    String referenceScale,
    Progress progress,
    String failure,
    Instant createdAt,
    Instant updatedAt,
    PlanSummary plan,
    String owner,
    String kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) StudyDefinition definition) {

  /**
   * @param jobsTotal training jobs of the study
   * @param jobsDone training jobs that succeeded
   * @param fraction done, counting the progress of running jobs, in [0, 1]
   * @param featuresTotal attribution studies: featurisation jobs (pool and test set of every pool
   *     model); null for other studies
   * @param featuresDone attribution studies: featurisation jobs that succeeded; null otherwise
   */
  record Progress(
      int jobsTotal,
      int jobsDone,
      int jobsRunning,
      int jobsQueued,
      int jobsFailed,
      double fraction,
      Integer featuresTotal,
      Integer featuresDone) {}
}
