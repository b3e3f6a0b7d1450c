package io.s2l.experiment.study;

import io.s2l.study.StudyKind;
import java.time.Instant;

/**
 * Which studies a list holds; every null field matches any study.
 *
 * @param status the study's status
 * @param kind what the study computes, from its definition
 * @param owner the owner of the key that submitted it (an admin's filter: other keys see only their
 *     owner's studies whatever they ask)
 * @param name a substring of the study's name, compared ignoring case
 * @param submittedAfter studies submitted at or after this instant
 * @param submittedBefore studies submitted before this instant
 */
public record StudyFilter(
    StudyStatus status,
    StudyKind kind,
    String owner,
    String name,
    Instant submittedAfter,
    Instant submittedBefore) {

  public static final StudyFilter ANY = new StudyFilter(null, null, null, null, null, null);

  /** This filter for {@code owner}'s studies only. */
  public StudyFilter ownedBy(String owner) {
    return new StudyFilter(status, kind, owner, name, submittedAfter, submittedBefore);
  }
}
