package io.s2l.study;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a {@link JobKinds#CALLBACK} job that carries its event itself: the analysis
 * service queues one per import event and URL, and the experiment service, which delivers every
 * callback, records the event and its delivery from it on the first attempt. The analysis service
 * thus never writes the experiment schema, and one handler delivers every event.
 *
 * @param event the event's id (its {@code id} in the posted JSON)
 * @param studyId the study (an import) the event is about
 * @param keyId the key whose callback secret signs the event
 * @param status the status the event tells
 * @param occurredAt when the study moved to it
 * @param url where the event is posted
 * @param body the exact JSON posted and signed, the same on every attempt
 */
public record CallbackEventJob(
    UUID event,
    UUID studyId,
    long keyId,
    String status,
    Instant occurredAt,
    String url,
    String body) {}
