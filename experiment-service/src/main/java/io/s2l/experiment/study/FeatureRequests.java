package io.s2l.experiment.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.QuotaCharge;
import io.s2l.access.Quotas;
import io.s2l.experiment.catalog.Catalogs;
import io.s2l.queue.JobLookup;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobState;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.ComputeEstimate;
import io.s2l.study.DomainCatalog;
import io.s2l.study.FeaturizeJobSpec;
import io.s2l.study.FieldError;
import io.s2l.study.ImageGeometry;
import io.s2l.study.JobKinds;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Queues featurisation jobs (TRAK features) for trained image classifiers of a study that has not
 * stopped (cancelled or failed). The job is queued under the study's row lock, as cancellations and
 * reconciliations change it: a cancellation that commits first refuses the request, and one that
 * comes later waits for it, then cancels its job with the study's others.
 */
@Service
public class FeatureRequests {

  static final int MAX_DIMENSION = io.s2l.study.StudyLimits.MAX_PROJECTION_DIMENSION;

  private final StudyService studies;
  private final StudyRepository repository;
  private final JobQueue queue;
  private final CurrentTransaction transaction;
  private final ObjectMapper json;
  private final Quotas quotas;
  private final Catalogs catalogs;

  FeatureRequests(
      StudyService studies,
      StudyRepository repository,
      JobQueue queue,
      CurrentTransaction transaction,
      ObjectMapper json,
      Quotas quotas,
      Catalogs catalogs) {
    this.quotas = quotas;
    this.catalogs = catalogs;
    this.studies = studies;
    this.repository = repository;
    this.queue = queue;
    this.transaction = transaction;
    this.json = json;
  }

  /**
   * Checks the request, holds its place in the key's quotas, then locks the study, checks again
   * that it has not stopped, queues the job and charges it in one transaction: call it with no
   * transaction open.
   *
   * @param run the model's training job key, {@code scale/distribution/seed}
   * @return the featurisation job's key
   * @throws StudyConflictException 409 when the study was cancelled or failed
   */
  public String request(
      UUID studyId, String run, String examples, Integer dimension, Long seed, ApiKey caller) {
    Study study = studies.get(studyId);
    refuseStopped(study);
    List<FieldError> errors = new ArrayList<>();
    if (!FeaturizeJobSpec.TRAIN.equals(examples) && !FeaturizeJobSpec.TEST.equals(examples)) {
      errors.add(new FieldError("examples", "must be train or test"));
    }
    if (dimension == null || dimension < 1 || dimension > MAX_DIMENSION) {
      errors.add(new FieldError("dimension", "must be between 1 and " + MAX_DIMENSION));
    }
    Optional<JobLookup.Job> job = trainingJob(studyId, run == null ? "" : run);
    if (job.isEmpty()) {
      errors.add(new FieldError("run", "names no model of this study (scale/distribution/seed)"));
    } else if (job.get().state() != JobState.SUCCEEDED) {
      errors.add(
          new FieldError(
              "run", "has not been trained yet (its job is " + job.get().state().column() + ")"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidStudyException(errors);
    }
    try {
      TrainingJobSpec trained = json.readValue(job.get().payloadJson(), TrainingJobSpec.class);
      ModelScale scale = trained.scale();
      if (scale.languageModelFamily()) {
        throw new InvalidStudyException(
            List.of(
                new FieldError("run", "featurisation is available for image classifiers only")));
      }
      if (trained.trainer() != null) {
        // featurisation reads the parameters the built-in trainer writes
        throw new InvalidStudyException(
            List.of(
                new FieldError(
                    "run",
                    "was trained by the registered trainer '"
                        + trained.trainer().name()
                        + "'; featurisation needs a model of the built-in trainer")));
      }
      FeaturizeJobSpec spec =
          new FeaturizeJobSpec(
              study.id(),
              run,
              trained.dataset(),
              scale,
              examples,
              dimension,
              seed != null ? seed : 0L);
      List<NewJob> featurisation =
          List.of(
              new NewJob(
                  study.id(), JobKinds.FEATURIZE, spec.key(), json.writeValueAsString(spec), 3));
      QuotaCharge charge = new QuotaCharge("features", 1, flops(trained, examples, caller), false);
      quotas.charged(
          caller,
          study.id(),
          charge,
          () -> {
            refuseStopped(
                repository
                    .findLockedById(studyId)
                    .orElseThrow(() -> new StudyNotFoundException(studyId)));
            enqueue(featurisation, run);
            return null;
          });
      return spec.key();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable job payload of " + run, e);
    }
  }

  /** Refuses a study that stopped: no more work is queued for it. */
  private static void refuseStopped(Study study) {
    if (study.status().isStopped()) {
      throw new StudyConflictException(
          HttpStatus.CONFLICT,
          "Study stopped",
          "study "
              + study.id()
              + " is "
              + study.status()
              + ": no more work is queued for a cancelled or failed study; features are"
              + " requested of a study that is QUEUED, TRAINING, ANALYZING or COMPLETED");
    }
  }

  /** Estimated FLOPs of featurising the model over its pool (train) or the test set. */
  private double flops(TrainingJobSpec trained, String examples, ApiKey caller) {
    ImageGeometry images =
        catalogs
            .forDataset(trained.dataset(), caller)
            .flatMap(DomainCatalog::imageGeometry)
            .orElseThrow(() -> new IllegalStateException("no image set " + trained.dataset()));
    long count =
        FeaturizeJobSpec.TEST.equals(examples)
            ? images.testImages()
            : trained.distribution().subset().size();
    return ComputeEstimate.featurisation(trained.scale(), count, images);
  }

  private void enqueue(List<NewJob> featurisation, String run) {
    try {
      transaction.run(c -> queue.enqueue(c, featurisation));
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new DuplicateKeyException("these features were already requested", e);
      }
      throw new IllegalStateException("cannot queue featurisation of " + run, e);
    }
  }

  private Optional<JobLookup.Job> trainingJob(UUID studyId, String run) {
    try {
      return transaction.query(c -> JobLookup.find(c, studyId, JobKinds.TRAINING, run));
    } catch (SQLException e) {
      throw new IllegalStateException("queue unavailable", e);
    }
  }
}
