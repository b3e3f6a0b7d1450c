package io.s2l.api.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A study as {@code GET /api/v1/studies/{id}} shows it. Required when read: {@code id}, {@code
 * name}, {@code status} and {@code progress}; the others are null when absent.
 *
 * @param status {@code QUEUED}, {@code TRAINING}, {@code ANALYZING}, {@code COMPLETED}, {@code
 *     FAILED} or {@code CANCELLED}; a string, so a newer server's status does not break a reader
 * @param failure why the study failed, when it did
 * @param plan what the study resolved to (distributions, evaluation sets, scales, seeds, jobs); its
 *     shape depends on the study's kind, so it stays a JSON tree here
 * @param owner the owner of the key that submitted the study
 * @param kind {@code scale-correlation}, {@code attribution}, {@code selection} or {@code mixture},
 *     from the study's definition; a string, so a newer server's kind does not break a reader
 * @param definition the definition as it was submitted; only in the answer about one study, null in
 *     lists
 */
public record StudyView(
    @JsonProperty(required = true) UUID id,
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String status,
    String referenceScale,
    @JsonProperty(required = true) StudyProgress progress,
    String failure,
    Instant createdAt,
    Instant updatedAt,
    JsonNode plan,
    String owner,
    String kind,
    JsonNode definition) {

  /** A study whose owner, kind and definition are not known (an import's report block). */
  public StudyView(
      UUID id,
      String name,
      String status,
      String referenceScale,
      StudyProgress progress,
      String failure,
      Instant createdAt,
      Instant updatedAt,
      JsonNode plan) {
    this(
        id,
        name,
        status,
        referenceScale,
        progress,
        failure,
        createdAt,
        updatedAt,
        plan,
        null,
        null,
        null);
  }

  public boolean completed() {
    return "COMPLETED".equals(status);
  }

  public boolean failed() {
    return "FAILED".equals(status);
  }
}
