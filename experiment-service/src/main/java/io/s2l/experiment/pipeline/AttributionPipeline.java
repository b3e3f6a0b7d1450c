package io.s2l.experiment.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.JobCounts;
import io.s2l.queue.JobState;
import io.s2l.queue.NewJob;
import io.s2l.study.AttributionJobSpec;
import io.s2l.study.AttributionSpec;
import io.s2l.study.FeaturizeJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.ModelScale;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.VerifyJobSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The life of an attribution study, read off the queue: every pool model that finished training
 * gets its featurisation jobs (pool and targets, for each of its checkpoints); when every model is
 * trained and featurised the attribution job is queued (with the move to ANALYZING); its success
 * completes the study, unless the study selects data: then the attribution job has queued the
 * reference models that verify the selections, and when they are trained the verification job is
 * queued, whose success completes the study. Any job failed for good fails the study.
 */
@Component
class AttributionPipeline implements StudyPipeline {

  private static final Logger log = LoggerFactory.getLogger(AttributionPipeline.class);
  static final String ATTRIBUTION_KEY = "attribution";
  static final String VERIFY_KEY = "verification";
  private static final List<String> KINDS =
      StageChecks.trainingAnd(JobKinds.FEATURIZE, JobKinds.ATTRIBUTE, JobKinds.VERIFY);

  private final StudyJobs jobs;
  private final ObjectMapper json;
  private final Clock clock;
  private final StageChecks stages;

  AttributionPipeline(StudyJobs jobs, ObjectMapper json, Clock clock) {
    this.jobs = jobs;
    this.json = json;
    this.clock = clock;
    this.stages = new StageChecks(jobs, json, clock);
  }

  @Override
  public boolean handles(StudyDefinition definition) {
    return definition.attribution() != null;
  }

  @Override
  public void reconcile(ActiveStudy active) {
    Study study = active.study();
    StudyDefinition definition = active.definition();
    if (stages.failIfAnyFailed(study, KINDS)) {
      return;
    }
    JobCounts training = stages.training(study);
    boolean trained = training.succeeded() == training.total();
    if (study.status() != StudyStatus.ANALYZING) {
      AttributionSpec settings = definition.attribution();
      List<TrainingJobSpec> trainedPool =
          trainingJobs(study, j -> j.state() == JobState.SUCCEEDED, true);
      jobs.enqueueAbsent(featurisations(study, settings, trainedPool));
      int featuresExpected = settings.featurisationJobs(definition.scales().size());
      JobCounts features = jobs.counts(study.id(), JobKinds.FEATURIZE);
      if (trained && features.succeeded() == featuresExpected) {
        jobs.enqueueAbsent(List.of(attributionJob(study, definition)));
        study.markAnalyzing(clock.instant());
        log.info("study {}: every model trained and featurised; attribution queued", study.id());
      }
      return;
    }
    if (jobs.counts(study.id(), JobKinds.ATTRIBUTE).succeeded() == 0) {
      return;
    }
    if (definition.selection() == null) {
      study.markCompleted(clock.instant());
      log.info("study {} completed", study.id());
      return;
    }
    // The attribution job queued the reference models that verify the selections.
    stages.verifyThenComplete(study, VERIFY_KEY, VerifyJobSpec.SELECTION);
  }

  /** The study's training jobs that pass {@code filter}, on the pool or on the other subsets. */
  private List<TrainingJobSpec> trainingJobs(
      Study study, Predicate<StudyJobs.QueuedJob> filter, boolean pool) {
    List<TrainingJobSpec> specs = new ArrayList<>();
    for (StudyJobs.QueuedJob job : jobs.jobs(study.id(), JobKinds.TRAINING)) {
      if (!filter.test(job)) {
        continue;
      }
      TrainingJobSpec spec = read(study, job);
      if (AttributionSpec.POOL.equals(spec.distribution().name()) == pool) {
        specs.add(spec);
      }
    }
    return specs;
  }

  private TrainingJobSpec read(Study study, StudyJobs.QueuedJob job) {
    try {
      return json.readValue(job.payloadJson(), TrainingJobSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable training job of study " + study.id(), e);
    }
  }

  /**
   * Every featurisation of the trained pool models: for each model and each of its checkpoints (the
   * final model, then snapshots 1 .. C - 1), the pool and the targets ({@code targetSet} in a text
   * study, the test set for images).
   */
  private List<NewJob> featurisations(
      Study study, AttributionSpec settings, List<TrainingJobSpec> trained) {
    List<Integer> checkpoints = new ArrayList<>();
    checkpoints.add(null);
    for (int c = 1; c < settings.checkpointsOrDefault(); c++) {
      checkpoints.add(c);
    }
    List<NewJob> featurisations = new ArrayList<>();
    for (TrainingJobSpec model : trained) {
      for (Integer checkpoint : checkpoints) {
        for (String examples : List.of(FeaturizeJobSpec.TRAIN, FeaturizeJobSpec.TEST)) {
          FeaturizeJobSpec spec =
              new FeaturizeJobSpec(
                  study.id(),
                  model.key(),
                  model.dataset(),
                  model.scale(),
                  examples,
                  settings.dimension(),
                  settings.projectionSeedOrDefault(),
                  checkpoint,
                  settings.targetSet());
          featurisations.add(stages.job(study, JobKinds.FEATURIZE, spec.key(), spec));
        }
      }
    }
    return featurisations;
  }

  private NewJob attributionJob(Study study, StudyDefinition definition) {
    List<String> groundTruth =
        trainingJobs(study, j -> true, false).stream().map(TrainingJobSpec::key).toList();
    AttributionJobSpec spec =
        new AttributionJobSpec(
            study.id(),
            definition.datasetOrDefault(),
            definition.referenceScale(),
            definition.scales().stream().map(ModelScale::name).toList(),
            groundTruth,
            definition.attribution(),
            definition.selection(),
            definition.seeds());
    return stages.job(study, JobKinds.ATTRIBUTE, ATTRIBUTION_KEY, spec);
  }
}
