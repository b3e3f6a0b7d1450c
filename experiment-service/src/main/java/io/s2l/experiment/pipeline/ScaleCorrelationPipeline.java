package io.s2l.experiment.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.JobCounts;
import io.s2l.queue.NewJob;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.PlanSummary;
import io.s2l.study.StudyDefinition;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The life of a scale-correlation study: the first claimed training job makes it TRAINING; when
 * every training job succeeded its analysis job is queued with the move to ANALYZING; the
 * analysis's success completes it. A training or analysis job failed for good fails it.
 */
@Component
class ScaleCorrelationPipeline implements StudyPipeline {

  private static final Logger log = LoggerFactory.getLogger(ScaleCorrelationPipeline.class);
  static final String ANALYSIS_KEY = "scale-correlation";

  private final StudyJobs jobs;
  private final Clock clock;
  private final StageChecks stages;

  ScaleCorrelationPipeline(StudyJobs jobs, ObjectMapper json, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
    this.stages = new StageChecks(jobs, json, clock);
  }

  @Override
  public boolean handles(StudyDefinition definition) {
    return definition.attribution() == null && definition.recommendMixture() == null;
  }

  @Override
  public void reconcile(ActiveStudy active) {
    Study study = active.study();
    JobCounts training = jobs.counts(study.id(), JobKinds.TRAINING);
    if (training.failed() > 0) {
      String why = jobs.firstFailure(study.id(), JobKinds.TRAINING).orElse("unknown");
      study.markFailed("training job failed: " + why, clock.instant());
      log.warn("study {} failed: training job {}", study.id(), why);
      return;
    }
    if (study.status() == StudyStatus.QUEUED && training.queued() < training.total()) {
      study.markTraining(clock.instant());
    }
    if (study.status() != StudyStatus.ANALYZING && training.succeeded() == study.jobsTotal()) {
      // a plain insert: a reconciler that raced this one to it makes it fail, and this
      // transaction rolls back with the move
      jobs.enqueue(List.of(analysisJob(study, active.plan())));
      study.markAnalyzing(clock.instant());
      log.info("study {}: all {} models trained; analysis queued", study.id(), study.jobsTotal());
      return;
    }
    if (study.status() == StudyStatus.ANALYZING) {
      JobCounts analysis = jobs.counts(study.id(), JobKinds.ANALYZE);
      if (analysis.succeeded() > 0) {
        study.markCompleted(clock.instant());
        log.info("study {} completed", study.id());
      } else if (analysis.failed() > 0) {
        String why = jobs.firstFailure(study.id(), JobKinds.ANALYZE).orElse("unknown");
        study.markFailed("analysis failed: " + why, clock.instant());
      }
    }
  }

  private NewJob analysisJob(Study study, PlanSummary plan) {
    AnalysisJobSpec spec =
        new AnalysisJobSpec(
            study.id(),
            AnalysisJobSpec.SOURCE_TRAINING,
            study.referenceScale(),
            plan.scaleNames(),
            plan.distributionNames(),
            plan.evalSets(),
            plan.seeds(),
            null,
            null,
            null);
    return stages.job(study, JobKinds.ANALYZE, ANALYSIS_KEY, spec);
  }
}
