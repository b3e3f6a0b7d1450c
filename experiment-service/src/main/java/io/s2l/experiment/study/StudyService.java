package io.s2l.experiment.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.QuotaCharge;
import io.s2l.access.QuotaExceededException;
import io.s2l.access.QuotaReservation;
import io.s2l.access.Quotas;
import io.s2l.access.StudyOwners;
import io.s2l.experiment.callback.CallbackAdmission;
import io.s2l.experiment.catalog.Catalogs;
import io.s2l.experiment.config.ExperimentProperties;
import io.s2l.experiment.trainer.RegisteredTrainer;
import io.s2l.experiment.trainer.Trainers;
import io.s2l.queue.JobCounts;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.ComputeEstimate;
import io.s2l.study.DomainCatalog;
import io.s2l.study.FieldError;
import io.s2l.study.JobKinds;
import io.s2l.study.PlanSummary;
import io.s2l.study.ResourceEstimate;
import io.s2l.study.StorageEstimate;
import io.s2l.study.StudyDefinition;
import io.s2l.study.StudyPlan;
import io.s2l.study.StudyTrainers;
import io.s2l.study.StudyValidator;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Submits studies (stored and queued in one transaction) and reads them back with progress. */
@Service
public class StudyService {

  private final StudyRepository studies;
  private final JobQueue queue;
  private final CurrentTransaction transaction;
  private final Catalogs catalogs;
  private final ObjectMapper json;
  private final Clock clock;
  private final ExperimentProperties properties;
  private final IdempotencyKeys idempotency;
  private final StudyOwners owners;
  private final Quotas quotas;
  private final TransactionTemplate transactions;
  private final StudyDocuments documents;
  private final Trainers trainers;
  private final CallbackAdmission callbackAdmission;
  private final StudyCallbacks callbacks;
  private final StudySearch search;

  StudyService(
      StudyRepository studies,
      JobQueue queue,
      CurrentTransaction transaction,
      Catalogs catalogs,
      ObjectMapper json,
      Clock clock,
      ExperimentProperties properties,
      IdempotencyKeys idempotency,
      StudyOwners owners,
      Quotas quotas,
      TransactionTemplate transactions,
      StudyDocuments documents,
      Trainers trainers,
      CallbackAdmission callbackAdmission,
      StudyCallbacks callbacks,
      StudySearch search) {
    this.studies = studies;
    this.queue = queue;
    this.transaction = transaction;
    this.catalogs = catalogs;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
    this.idempotency = idempotency;
    this.owners = owners;
    this.quotas = quotas;
    this.transactions = transactions;
    this.documents = documents;
    this.trainers = trainers;
    this.callbackAdmission = callbackAdmission;
    this.callbacks = callbacks;
    this.search = search;
  }

  /** A submission's outcome: the study, and whether an earlier request with its key created it. */
  public record Submission(Study study, boolean replayed) {}

  /**
   * Validates, expands and stores a study owned by {@code caller}'s owner, and enqueues its
   * training jobs, atomically; refused when it would take the key past a quota.
   */
  public Study submit(StudyDefinition definition, ApiKey caller) {
    return submit(definition, null, caller).study();
  }

  /**
   * As {@link #submit(StudyDefinition, ApiKey)}; with an idempotency key, a repeated request with
   * the same definition returns the study the first one created, and one with another definition is
   * refused. The study is checked and expanded first, then its place in the key's quotas is held (a
   * short transaction of its own), then it is stored in one transaction: call this with no
   * transaction open.
   */
  public Submission submit(StudyDefinition definition, String idempotencyKey, ApiKey caller) {
    if (definition == null) {
      throw new InvalidStudyException(
          List.of(new FieldError("$", "a study definition is required")));
    }
    Optional<String> nul = NulCharacters.firstPath(json.valueToTree(definition));
    if (nul.isPresent()) {
      throw new InvalidStudyException(
          List.of(new FieldError(nul.get(), "must not contain the NUL character (U+0000)")));
    }
    String hash = idempotencyKey == null ? null : IdempotencyKeys.sha256(write(definition));
    String scopedKey =
        idempotencyKey == null ? null : IdempotencyKeys.scoped(caller.id(), idempotencyKey);
    if (scopedKey != null) {
      Optional<Submission> replay = replay(scopedKey, hash, false);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    DomainCatalog catalog =
        catalogs
            .forDataset(definition.datasetOrDefault(), caller)
            .orElseThrow(
                () ->
                    new InvalidStudyException(
                        List.of(
                            new FieldError(
                                "dataset",
                                "unknown dataset; available: " + catalogs.available()))));
    List<FieldError> errors =
        new ArrayList<>(
            new StudyValidator(catalogs.forValidation(catalog, caller)).validate(definition));
    // the registration of each trainer as of now: the study keeps it whatever becomes of it
    StudyTrainers.Resolution resolved =
        StudyTrainers.resolve(
            definition, name -> trainers.find(name).map(RegisteredTrainer::definition));
    errors.addAll(resolved.errors());
    errors.addAll(callbackAdmission.check(definition.callbacks(), caller.id()));
    if (!errors.isEmpty()) {
      throw new InvalidStudyException(errors);
    }
    StudyPlan plan =
        StudyPlan.expand(definition, catalog).withTrainers(definition, resolved.snapshots());
    int jobsTotal = plan.jobs().size() + StudyPlan.laterJobs(definition);
    UUID id = UUID.randomUUID();
    // the featurisation jobs an attribution study queues later are charged now
    QuotaCharge charge =
        new QuotaCharge(
            "study",
            jobsTotal + featurisationJobs(definition).orElse(0),
            ComputeEstimate.study(definition, plan, catalog),
            true,
            StorageEstimate.study(definition, plan, catalog));
    try {
      return quotas.reserved(
          caller,
          id,
          charge,
          reservation ->
              transactions.execute(
                  status -> {
                    if (scopedKey != null) {
                      Optional<Submission> replay = replay(scopedKey, hash, true);
                      if (replay.isPresent()) {
                        return replay.get();
                      }
                    }
                    Study study =
                        store(id, definition, plan, resolved, jobsTotal, caller, reservation);
                    if (scopedKey != null) {
                      idempotency.remember(scopedKey, hash, id, clock.instant());
                    }
                    return new Submission(study, false);
                  }));
    } catch (QuotaExceededException e) {
      // a repeat of a request being stored is answered with its study, even when the key has no
      // room left for another
      if (scopedKey != null) {
        Optional<Submission> replay = transactions.execute(status -> replay(scopedKey, hash, true));
        if (replay != null && replay.isPresent()) {
          return replay.get();
        }
      }
      throw e;
    }
  }

  /**
   * The study an earlier request with this idempotency key created, if any.
   *
   * @param wait whether to wait for a request with the same key being stored (in a transaction)
   */
  private Optional<Submission> replay(String scopedKey, String hash, boolean wait) {
    if (wait) {
      idempotency.lock(scopedKey);
    }
    return idempotency
        .existing(scopedKey, hash, clock.instant())
        .map(earlier -> new Submission(get(earlier), true));
  }

  /** Stores the study, its owner, its jobs and its charge, in the caller's transaction. */
  private Study store(
      UUID id,
      StudyDefinition definition,
      StudyPlan plan,
      StudyTrainers.Resolution resolved,
      int jobsTotal,
      ApiKey caller,
      QuotaReservation reservation) {
    Study study =
        new Study(
            id,
            definition.name(),
            write(definition),
            write(PlanSummary.of(definition, plan)),
            write(resolved.snapshots()),
            definition.referenceScale(),
            jobsTotal,
            caller.id(),
            clock.instant());
    studies.saveAndFlush(study);
    owners.record(id, caller, clock.instant());
    List<NewJob> jobs =
        plan.jobs().stream()
            .map(
                job ->
                    new NewJob(
                            id,
                            JobKinds.training(job),
                            job.key(),
                            write(job),
                            properties.maxAttempts(),
                            ResourceEstimate.needsGpu(job),
                            ResourceEstimate.memoryBytes(job))
                        // the study's later jobs join this group: its owner's share of the workers
                        .inGroup(caller.owner()))
            .toList();
    try {
      transaction.run(tx -> queue.enqueue(tx, jobs));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot enqueue the jobs of study " + id, e);
    }
    callbacks.publish(study);
    quotas.charge(reservation);
    return study;
  }

  /**
   * Cancels a study that has not finished: dequeues its queued jobs and stops its running ones at
   * their next heartbeat, in one transaction.
   *
   * @param expectedVersion the version the caller last saw (If-Match), or null
   * @throws StudyConflictException 412 on a stale version, 409 when the study already finished
   */
  @Transactional
  public Study cancel(UUID id, Long expectedVersion) {
    // locked: a reconciliation that runs meanwhile waits, then finds the study cancelled; one
    // that runs now is waited for, and the jobs it queues are cancelled below with the others
    Study study = studies.findLockedById(id).orElseThrow(() -> new StudyNotFoundException(id));
    if (expectedVersion != null && expectedVersion != study.version()) {
      throw new StudyConflictException(
          HttpStatus.PRECONDITION_FAILED,
          "Study changed",
          "the study is at version " + study.version() + ", not " + expectedVersion);
    }
    if (study.status().isTerminal()) {
      throw new StudyConflictException(
          HttpStatus.CONFLICT,
          "Study finished",
          "study " + id + " is " + study.status() + " and cannot be cancelled");
    }
    study.markCancelled(clock.instant());
    studies.saveAndFlush(study);
    try {
      transaction.run(tx -> queue.cancel(tx, id));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot cancel the jobs of study " + id, e);
    }
    callbacks.publishCancelled(study);
    return study;
  }

  @Transactional(readOnly = true)
  public Study get(UUID id) {
    return studies.findById(id).orElseThrow(() -> new StudyNotFoundException(id));
  }

  /**
   * The studies {@code caller} may see that match {@code filter}, newest first, with their owners:
   * its owner's (none when the filter names another owner), or every owner's for admins.
   */
  @Transactional(readOnly = true)
  public Page<StudySearch.Found> list(StudyFilter filter, Pageable page, ApiKey caller) {
    if (caller.isAdmin()) {
      return search.find(filter, page);
    }
    if (filter.owner() != null && !filter.owner().equals(caller.owner())) {
      return Page.empty(page);
    }
    return search.find(filter.ownedBy(caller.owner()), page);
  }

  /** The owner of the key that submitted the study, or null for a study without one. */
  @Transactional(readOnly = true)
  public String owner(UUID id) {
    return search.owner(id);
  }

  /** Training-job counts of a study, of every training kind. */
  public JobCounts trainingProgress(UUID id) {
    try {
      return queue.counts(id, JobKinds.TRAINING);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the progress of study " + id, e);
    }
  }

  /** Featurisation-job counts of a study. */
  public JobCounts featureProgress(UUID id) {
    try {
      return queue.counts(id, JobKinds.FEATURIZE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the progress of study " + id, e);
    }
  }

  /** Featurisation jobs an attribution study runs; empty for other studies. */
  private static Optional<Integer> featurisationJobs(StudyDefinition definition) {
    return Optional.ofNullable(definition.attribution())
        .map(a -> a.featurisationJobs(definition.scales().size()));
  }

  /** How many featurisation jobs an attribution study runs; empty for other studies. */
  public Optional<Integer> featuresTotal(Study study) {
    return featurisationJobs(documents.definition(study));
  }

  private String write(Object value) {
    return documents.write(value);
  }
}
