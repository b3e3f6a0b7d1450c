package io.s2l.experiment.pipeline;

import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyCallbacks;
import io.s2l.experiment.study.StudyDocuments;
import io.s2l.experiment.study.StudyRepository;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.study.StudyDefinition;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every active study along, each in a transaction of its own, by the {@link StudyPipeline} of
 * its kind. Several instances may run it, and users cancel studies meanwhile: each reconciliation
 * holds the study's row lock, so they and cancellations run one at a time per study.
 */
@Component
class StudyTracker {

  private static final Logger log = LoggerFactory.getLogger(StudyTracker.class);

  private final StudyRepository studies;
  private final StudyDocuments documents;
  private final List<StudyPipeline> pipelines;
  private final TransactionTemplate transactions;
  private final StudyCallbacks callbacks;

  StudyTracker(
      StudyRepository studies,
      StudyDocuments documents,
      List<StudyPipeline> pipelines,
      TransactionTemplate transactions,
      StudyCallbacks callbacks) {
    this.studies = studies;
    this.documents = documents;
    this.pipelines = List.copyOf(pipelines);
    this.transactions = transactions;
    this.callbacks = callbacks;
  }

  @Scheduled(fixedDelayString = "${s2l.experiment.progress-interval}")
  void reconcileAll() {
    List<Study> active =
        studies.findByStatusIn(
            EnumSet.of(StudyStatus.QUEUED, StudyStatus.TRAINING, StudyStatus.ANALYZING));
    for (Study s : active) {
      try {
        transactions.executeWithoutResult(tx -> reconcileLocked(s));
      } catch (RuntimeException e) {
        log.warn("could not reconcile study {}: {}", s.id(), e.getMessage());
      }
    }
  }

  /**
   * Reconciles the study under its row lock, as it stands once the lock is held: a cancellation
   * that committed since the list was read leaves nothing to do, and one that comes later waits for
   * this transaction, then cancels whatever jobs it queued.
   */
  private void reconcileLocked(Study listed) {
    Study study = studies.findLockedById(listed.id()).orElseThrow();
    if (!study.status().isTerminal()) {
      reconcile(study);
    }
  }

  private void reconcile(Study study) {
    StudyDefinition definition = documents.definition(study);
    pipelineFor(definition)
        .reconcile(
            new ActiveStudy(study, definition, documents.plan(study), documents.trainers(study)));
    // in the reconciling transaction: the events commit, or roll back, with the moves
    callbacks.publish(study);
  }

  /** The one pipeline that runs studies of this definition. */
  StudyPipeline pipelineFor(StudyDefinition definition) {
    List<StudyPipeline> matching = pipelines.stream().filter(p -> p.handles(definition)).toList();
    if (matching.size() != 1) {
      throw new IllegalStateException(
          matching.size() + " pipelines handle the study " + definition.name());
    }
    return matching.get(0);
  }
}
