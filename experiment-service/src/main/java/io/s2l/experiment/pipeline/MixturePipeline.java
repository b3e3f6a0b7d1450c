package io.s2l.experiment.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.JobCounts;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureJobSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainingSettings;
import io.s2l.study.VerifyJobSpec;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The life of a mixture-recommendation study, read off the queue: when every proxy model is
 * trained, the recommendation job is queued (with the move to ANALYZING); it queues the reference
 * models that verify its recommendations; when they are trained the verification job is queued,
 * whose success completes the study. Any job failed for good fails the study.
 */
@Component
class MixturePipeline implements StudyPipeline {

  private static final Logger log = LoggerFactory.getLogger(MixturePipeline.class);
  static final String RECOMMEND_KEY = "mixture-recommendation";
  static final String VERIFY_KEY = "mixture-verification";
  private static final List<String> KINDS =
      StageChecks.trainingAnd(JobKinds.RECOMMEND, JobKinds.VERIFY);

  private final StudyJobs jobs;
  private final Clock clock;
  private final StageChecks stages;

  MixturePipeline(StudyJobs jobs, ObjectMapper json, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
    this.stages = new StageChecks(jobs, json, clock);
  }

  @Override
  public boolean handles(StudyDefinition definition) {
    return definition.recommendMixture() != null && definition.attribution() == null;
  }

  @Override
  public void reconcile(ActiveStudy active) {
    Study study = active.study();
    if (stages.failIfAnyFailed(study, KINDS)) {
      return;
    }
    JobCounts training = stages.training(study);
    boolean trained = training.succeeded() == training.total();
    if (study.status() != StudyStatus.ANALYZING) {
      if (trained) {
        jobs.enqueueAbsent(List.of(recommendationJob(active)));
        study.markAnalyzing(clock.instant());
        log.info("study {}: every proxy trained; mixture recommendation queued", study.id());
      }
      return;
    }
    if (jobs.counts(study.id(), JobKinds.RECOMMEND).succeeded() == 0) {
      return;
    }
    // The recommendation job queued the reference models that verify its mixtures.
    stages.verifyThenComplete(study, VERIFY_KEY, VerifyJobSpec.MIXTURE);
  }

  private NewJob recommendationJob(ActiveStudy active) {
    StudyDefinition definition = active.definition();
    ModelScale reference =
        definition.scales().stream()
            .filter(s -> s.name().equals(definition.referenceScale()))
            .findFirst()
            .orElseThrow();
    MixtureJobSpec spec =
        new MixtureJobSpec(
            active.study().id(),
            definition.datasetOrDefault(),
            reference,
            definition.scales().stream()
                .map(ModelScale::name)
                .filter(n -> !n.equals(definition.referenceScale()))
                .toList(),
            definition.tokensPerParam(),
            active.plan().evalSets(),
            (definition.training() != null ? definition.training() : TrainingSettings.DEFAULTS)
                .withDefaults(),
            definition.seeds(),
            definition.recommendMixture(),
            // the snapshot taken at submission: the registration may have changed since
            active.trainers().get(definition.trainerOf(reference)));
    return stages.job(active.study(), JobKinds.RECOMMEND, RECOMMEND_KEY, spec);
  }
}
