package io.s2l.experiment.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The study aggregate: it owns its status and refuses transitions its life does not allow. */
@Entity
@Table(name = "study")
public class Study {

  @Id private UUID id;

  private String name;

  @Enumerated(EnumType.STRING)
  private StudyStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  private String definition;

  @JdbcTypeCode(SqlTypes.JSON)
  private String plan;

  /**
   * The snapshots of the external trainers the study uses, by name, taken at submission ({@code {}}
   * when only the built-in trainer trains it).
   */
  @JdbcTypeCode(SqlTypes.JSON)
  private String trainers;

  @Column(name = "reference_scale")
  private String referenceScale;

  @Column(name = "jobs_total")
  private int jobsTotal;

  /** The API key that submitted it (its owner owns the study). */
  @Column(name = "key_id")
  private Long keyId;

  private String failure;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  // A wrapper, null until the first insert: Spring Data then knows a new study from a stored one
  // without a SELECT (with a primitive version and an assigned id, save() would merge).
  @Version private Long version;

  /** The statuses it moved to since they were last taken: each becomes a callback event. */
  @Transient private final List<StudyStatus> moves = new ArrayList<>();

  protected Study() {}

  /** A study only the built-in trainer trains. */
  public Study(
      UUID id,
      String name,
      String definition,
      String plan,
      String referenceScale,
      int jobsTotal,
      long keyId,
      Instant now) {
    this(id, name, definition, plan, "{}", referenceScale, jobsTotal, keyId, now);
  }

  public Study(
      UUID id,
      String name,
      String definition,
      String plan,
      String trainers,
      String referenceScale,
      int jobsTotal,
      long keyId,
      Instant now) {
    this.id = id;
    this.name = name;
    this.status = StudyStatus.QUEUED;
    this.definition = definition;
    this.plan = plan;
    this.trainers = trainers;
    this.referenceScale = referenceScale;
    this.jobsTotal = jobsTotal;
    this.keyId = keyId;
    this.createdAt = now;
    this.updatedAt = now;
    this.moves.add(StudyStatus.QUEUED);
  }

  /** A worker claimed the first training job. */
  public void markTraining(Instant now) {
    move(StudyStatus.TRAINING, now, StudyStatus.QUEUED);
  }

  /** Every training job succeeded; the analysis job has been queued. */
  public void markAnalyzing(Instant now) {
    move(StudyStatus.ANALYZING, now, StudyStatus.QUEUED, StudyStatus.TRAINING);
  }

  public void markCompleted(Instant now) {
    move(StudyStatus.COMPLETED, now, StudyStatus.ANALYZING);
  }

  public void markFailed(String reason, Instant now) {
    move(StudyStatus.FAILED, now, StudyStatus.QUEUED, StudyStatus.TRAINING, StudyStatus.ANALYZING);
    this.failure = reason;
  }

  /** Cancelled by a user before it finished. */
  public void markCancelled(Instant now) {
    move(
        StudyStatus.CANCELLED,
        now,
        StudyStatus.QUEUED,
        StudyStatus.TRAINING,
        StudyStatus.ANALYZING);
  }

  private void move(StudyStatus to, Instant now, StudyStatus... allowedFrom) {
    for (StudyStatus from : allowedFrom) {
      if (status == from) {
        status = to;
        updatedAt = now;
        moves.add(to);
        return;
      }
    }
    throw new IllegalStateException("study " + id + " cannot move from " + status + " to " + to);
  }

  /**
   * The statuses this study moved to, in order, since the last call (its creation counts as a move
   * to QUEUED); each is returned once.
   */
  public List<StudyStatus> takeMoves() {
    List<StudyStatus> taken = List.copyOf(moves);
    moves.clear();
    return taken;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public StudyStatus status() {
    return status;
  }

  public String definition() {
    return definition;
  }

  public String plan() {
    return plan;
  }

  public String trainers() {
    return trainers;
  }

  public String referenceScale() {
    return referenceScale;
  }

  /** The optimistic-lock version: the study's ETag. */
  public long version() {
    return version == null ? 0 : version;
  }

  /** The key that submitted it; null for studies stored before keys were recorded. */
  public Long keyId() {
    return keyId;
  }

  public int jobsTotal() {
    return jobsTotal;
  }

  public String failure() {
    return failure;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
