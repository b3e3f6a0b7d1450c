package io.s2l.experiment.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.JobCounts;
import io.s2l.queue.JobLookup;
import io.s2l.queue.JobQueue;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The life of an attribution study, read off the queue: every pool model that finished training
 * gets its featurisation jobs (pool and test set); when every model is trained and featurised the
 * attribution job is queued (with the move to ANALYZING); its success completes the study, unless
 * the study selects data: then the attribution job has queued the reference models that verify the
 * selections, and when they are trained the verification job is queued, whose success completes the
 * study. Any job failed for good fails the study. Idempotent, like {@link StudyTracker}.
 */
@Component
class AttributionStages {

  private static final Logger log = LoggerFactory.getLogger(AttributionStages.class);
  static final String ATTRIBUTION_KEY = "attribution";
  static final String VERIFY_KEY = "verification";
  private static final List<String> KINDS =
      List.of(JobKinds.TRAIN, JobKinds.FEATURIZE, JobKinds.ATTRIBUTE, JobKinds.VERIFY);
  private static final List<String> DISTRIBUTION_NAME = List.of("distribution", "name");

  private final JobQueue queue;
  private final ObjectMapper json;
  private final Clock clock;

  AttributionStages(JobQueue queue, ObjectMapper json, Clock clock) {
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
      AttributionSpec settings = definition.attribution();
      queue.enqueueAbsent(c, featurisations(study, settings, trainedPoolModels(c, study)));
      int featuresExpected = settings.featurisationJobs(definition.scales().size());
      JobCounts features = JobQueue.counts(c, study.id(), JobKinds.FEATURIZE);
      if (trained && features.succeeded() == featuresExpected) {
        queue.enqueueAbsent(c, List.of(attributionJob(study, definition, c)));
        study.markAnalyzing(clock.instant());
        log.info("study {}: every model trained and featurised; attribution queued", study.id());
      }
      return;
    }
    if (JobQueue.counts(c, study.id(), JobKinds.ATTRIBUTE).succeeded() == 0) {
      return;
    }
    if (definition.selection() == null) {
      study.markCompleted(clock.instant());
      log.info("study {} completed", study.id());
      return;
    }
    // The attribution job queued the reference models that verify the selections.
    StageChecks.verifyThenComplete(
        study, c, trained, VERIFY_KEY, VerifyJobSpec.SELECTION, queue, json, clock);
  }

  private List<TrainingJobSpec> trainedPoolModels(Connection c, Study study) throws SQLException {
    List<TrainingJobSpec> jobs = new ArrayList<>();
    for (JobLookup.Job job :
        JobLookup.withPayloadField(
            c,
            study.id(),
            JobKinds.TRAIN,
            JobState.SUCCEEDED,
            DISTRIBUTION_NAME,
            AttributionSpec.POOL)) {
      jobs.add(read(job));
    }
    return jobs;
  }

  private TrainingJobSpec read(JobLookup.Job job) {
    try {
      return json.readValue(job.payloadJson(), TrainingJobSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable training job of study " + job.studyId(), e);
    }
  }

  private List<NewJob> featurisations(
      Study study, AttributionSpec settings, List<TrainingJobSpec> trained) {
    List<NewJob> jobs = new ArrayList<>();
    for (TrainingJobSpec model : trained) {
      for (String examples : List.of(FeaturizeJobSpec.TRAIN, FeaturizeJobSpec.TEST)) {
        FeaturizeJobSpec spec =
            new FeaturizeJobSpec(
                study.id(),
                model.key(),
                model.dataset(),
                model.scale(),
                examples,
                settings.dimension(),
                settings.projectionSeedOrDefault());
        jobs.add(new NewJob(study.id(), JobKinds.FEATURIZE, spec.key(), write(spec), 3));
      }
    }
    return jobs;
  }

  private NewJob attributionJob(Study study, StudyDefinition definition, Connection c)
      throws SQLException {
    List<String> groundTruth = new ArrayList<>();
    for (JobLookup.Job job :
        JobLookup.withOtherPayloadField(
            c, study.id(), JobKinds.TRAIN, DISTRIBUTION_NAME, AttributionSpec.POOL)) {
      groundTruth.add(read(job).key());
    }
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
    return new NewJob(study.id(), JobKinds.ATTRIBUTE, ATTRIBUTION_KEY, write(spec), 3);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
