package io.s2l.experiment.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.JobCounts;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureJobSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainingSettings;
import io.s2l.study.VerifyJobSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The life of a mixture-recommendation study, read off the queue: when every proxy model is
 * trained, the recommendation job is queued (with the move to ANALYZING); it queues the reference
 * models that verify its recommendations; when they are trained the verification job is queued,
 * whose success completes the study. Any job failed for good fails the study. Idempotent, like
 * {@link StudyTracker}.
 */
@Component
class MixtureStages {

  private static final Logger log = LoggerFactory.getLogger(MixtureStages.class);
  static final String RECOMMEND_KEY = "mixture-recommendation";
  static final String VERIFY_KEY = "mixture-verification";
  private static final List<String> KINDS =
      List.of(JobKinds.TRAIN, JobKinds.RECOMMEND, JobKinds.VERIFY);

  private final JobQueue queue;
  private final ObjectMapper json;
  private final Clock clock;

  MixtureStages(JobQueue queue, ObjectMapper json, Clock clock) {
    this.queue = queue;
    this.json = json;
    this.clock = clock;
  }

  void reconcile(Study study, StudyDefinition definition, Connection c) throws SQLException {
    if (StageChecks.failIfAnyFailed(study, c, KINDS, clock)) {
      return;
    }
    JobCounts training = StageChecks.training(study, c, clock);
    boolean trained = training.succeeded() == training.total();
    if (study.status() != StudyStatus.ANALYZING) {
      if (trained) {
        queue.enqueueAbsent(c, List.of(job(study, definition, JobKinds.RECOMMEND, RECOMMEND_KEY)));
        study.markAnalyzing(clock.instant());
        log.info("study {}: every proxy trained; mixture recommendation queued", study.id());
      }
      return;
    }
    if (JobQueue.counts(c, study.id(), JobKinds.RECOMMEND).succeeded() == 0) {
      return;
    }
    // The recommendation job queued the reference models that verify its mixtures.
    StageChecks.verifyThenComplete(
        study, c, trained, VERIFY_KEY, VerifyJobSpec.MIXTURE, queue, json, clock);
  }

  private NewJob job(Study study, StudyDefinition definition, String kind, String key) {
    try {
      List<String> evalSets = new ArrayList<>();
      json.readTree(study.plan()).get("evalSets").forEach(e -> evalSets.add(e.asText()));
      ModelScale reference =
          definition.scales().stream()
              .filter(s -> s.name().equals(definition.referenceScale()))
              .findFirst()
              .orElseThrow();
      MixtureJobSpec spec =
          new MixtureJobSpec(
              study.id(),
              definition.datasetOrDefault(),
              reference,
              definition.scales().stream()
                  .map(ModelScale::name)
                  .filter(n -> !n.equals(definition.referenceScale()))
                  .toList(),
              definition.tokensPerParam(),
              evalSets,
              (definition.training() != null ? definition.training() : TrainingSettings.DEFAULTS)
                  .withDefaults(),
              definition.seeds(),
              definition.recommendMixture());
      return new NewJob(study.id(), kind, key, json.writeValueAsString(spec), 3);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot build the " + kind + " job of " + study.id(), e);
    }
  }
}
