package io.s2l.experiment.study;

import io.s2l.experiment.callback.CallbackOutbox;
import io.s2l.experiment.callback.StudyEvent;
import io.s2l.study.StudyDefinition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a study's moves into callback events, in the transaction that commits the moves: every
 * place that moves a study calls {@link #publish} before its transaction ends.
 */
@Component
public class StudyCallbacks {

  private final CallbackOutbox outbox;
  private final StudyDocuments documents;

  StudyCallbacks(CallbackOutbox outbox, StudyDocuments documents) {
    this.outbox = outbox;
    this.documents = documents;
  }

  /** Records one event per status {@code study} moved to since the last call, in order. */
  public void publish(Study study) {
    List<StudyStatus> moves = study.takeMoves();
    if (moves.isEmpty() || study.keyId() == null) {
      return;
    }
    StudyDefinition definition = documents.definition(study);
    List<String> urls = definition.callbacks() == null ? List.of() : definition.callbacks();
    for (StudyStatus status : moves) {
      outbox.record(
          new StudyEvent(
              study.id(),
              study.keyId(),
              status.name(),
              study.jobsTotal(),
              study.updatedAt(),
              resultsPath(definition),
              urls));
    }
  }

  /**
   * Records the move of a study that was just cancelled with its jobs: the deliveries its earlier
   * events still owed are queued again first (the cancel took their jobs too), then its own.
   */
  public void publishCancelled(Study study) {
    outbox.resumeAfterCancel(study.id());
    publish(study);
  }

  /** Where the analysis service serves a study's results, by its kind. */
  private static String resultsPath(StudyDefinition definition) {
    if (definition.selection() != null) {
      return "selection";
    }
    if (definition.attribution() != null) {
      return "attribution";
    }
    return definition.recommendMixture() != null ? "mixture" : "scale-correlation";
  }
}
