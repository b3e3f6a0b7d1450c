package io.s2l.experiment.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.JobCounts;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.StudyDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves studies along their life by reading the queue: first claim makes a study TRAINING, all
 * training jobs done enqueue its analysis job (in the same transaction as the move to ANALYZING), a
 * finished analysis completes it, a job failed for good fails it. Attribution studies have stages
 * of their own ({@link AttributionStages}). Idempotent: several instances may run it; the study's
 * optimistic lock and the queue's unique job key keep one outcome.
 */
@Component
class StudyTracker {

  private static final Logger log = LoggerFactory.getLogger(StudyTracker.class);
  private static final String ANALYSIS_KEY = "scale-correlation";

  private final StudyRepository studies;
  private final JobQueue queue;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;
  private final AttributionStages attribution;
  private final MixtureStages mixtures;

  StudyTracker(
      StudyRepository studies,
      JobQueue queue,
      DataSource dataSource,
      TransactionTemplate transactions,
      ObjectMapper json,
      Clock clock,
      AttributionStages attribution,
      MixtureStages mixtures) {
    this.studies = studies;
    this.queue = queue;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
    this.attribution = attribution;
    this.mixtures = mixtures;
  }

  @Scheduled(fixedDelayString = "${s2l.experiment.progress-interval}")
  void reconcileAll() {
    List<Study> active =
        studies.findByStatusIn(
            EnumSet.of(StudyStatus.QUEUED, StudyStatus.TRAINING, StudyStatus.ANALYZING));
    for (Study s : active) {
      try {
        transactions.executeWithoutResult(tx -> reconcile(studies.findById(s.id()).orElseThrow()));
      } catch (RuntimeException e) {
        log.warn("could not reconcile study {}: {}", s.id(), e.getMessage());
      }
    }
  }

  private void reconcile(Study study) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      StudyDefinition definition = json.readValue(study.definition(), StudyDefinition.class);
      if (definition.attribution() != null) {
        attribution.reconcile(study, definition, c);
        return;
      }
      if (definition.recommendMixture() != null) {
        mixtures.reconcile(study, definition, c);
        return;
      }
      JobCounts training = JobQueue.counts(c, study.id(), JobKinds.TRAIN);
      if (training.failed() > 0) {
        String why = JobQueue.firstFailure(c, study.id(), JobKinds.TRAIN).orElse("unknown");
        study.markFailed("training job failed: " + why, clock.instant());
        log.warn("study {} failed: training job {}", study.id(), why);
        return;
      }
      if (study.status() == StudyStatus.QUEUED && training.queued() < training.total()) {
        study.markTraining(clock.instant());
      }
      if (study.status() != StudyStatus.ANALYZING && training.succeeded() == study.jobsTotal()) {
        queue.enqueue(c, List.of(analysisJob(study)));
        study.markAnalyzing(clock.instant());
        log.info("study {}: all {} models trained; analysis queued", study.id(), study.jobsTotal());
        return;
      }
      if (study.status() == StudyStatus.ANALYZING) {
        JobCounts analysis = JobQueue.counts(c, study.id(), JobKinds.ANALYZE);
        if (analysis.succeeded() > 0) {
          study.markCompleted(clock.instant());
          log.info("study {} completed", study.id());
        } else if (analysis.failed() > 0) {
          Optional<String> why = JobQueue.firstFailure(c, study.id(), JobKinds.ANALYZE);
          study.markFailed("analysis failed: " + why.orElse("unknown"), clock.instant());
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable definition of study " + study.id(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("queue unavailable", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private NewJob analysisJob(Study study) {
    try {
      JsonNode plan = json.readTree(study.plan());
      List<String> scales = new ArrayList<>();
      plan.get("scales").forEach(s -> scales.add(s.get("name").asText()));
      List<String> distributions = new ArrayList<>();
      plan.get("distributions").forEach(d -> distributions.add(d.get("name").asText()));
      List<String> evalSets = new ArrayList<>();
      plan.get("evalSets").forEach(e -> evalSets.add(e.asText()));
      List<Long> seeds = new ArrayList<>();
      plan.get("seeds").forEach(s -> seeds.add(s.asLong()));
      AnalysisJobSpec spec =
          new AnalysisJobSpec(
              study.id(),
              AnalysisJobSpec.SOURCE_TRAINING,
              study.referenceScale(),
              scales,
              distributions,
              evalSets,
              seeds,
              null,
              null);
      return new NewJob(
          study.id(), JobKinds.ANALYZE, ANALYSIS_KEY, json.writeValueAsString(spec), 3);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable plan of study " + study.id(), e);
    }
  }
}
