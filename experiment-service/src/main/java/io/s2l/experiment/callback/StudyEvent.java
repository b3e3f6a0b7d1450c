package io.s2l.experiment.callback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A study's move to a status, to be told to its callback URLs.
 *
 * @param studyId the study
 * @param keyId the key that submitted it: its callback secret signs the event
 * @param status the status it moved to
 * @param total jobs the study runs in all
 * @param occurredAt when it moved
 * @param resultsPath the path of its results on the analysis service
 * @param urls where to post the event
 */
public record StudyEvent(
    UUID studyId,
    long keyId,
    String status,
    int total,
    Instant occurredAt,
    String resultsPath,
    List<String> urls) {}
