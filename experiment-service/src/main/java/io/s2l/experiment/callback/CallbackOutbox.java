package io.s2l.experiment.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.experiment.config.CallbackProperties;
import io.s2l.queue.JobLookup;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.JobKinds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes a study event, its deliveries and their callback jobs in the caller's transaction, the one
 * that moves the study: the event is sent at least once exactly when the move is committed.
 */
@Component
public class CallbackOutbox {

  private final CurrentTransaction transaction;
  private final JobQueue queue;
  private final ObjectMapper json;
  private final int maxAttempts;

  CallbackOutbox(
      CurrentTransaction transaction,
      JobQueue queue,
      ObjectMapper json,
      CallbackProperties properties) {
    this.transaction = transaction;
    this.queue = queue;
    this.json = json;
    this.maxAttempts = properties.maxAttempts();
  }

  /** Records {@code event} and queues one delivery per URL; must run in a transaction. */
  public void record(StudyEvent event) {
    if (event.urls().isEmpty()) {
      return;
    }
    UUID id = UUID.randomUUID();
    try {
      transaction.run(
          c -> {
            int done = JobLookup.counts(c, event.studyId(), JobKinds.TRAINING).succeeded();
            insertEvent(c, id, event, body(id, event, done));
            List<NewJob> jobs = new ArrayList<>();
            for (String url : event.urls()) {
              long delivery = insertDelivery(c, id, event, url);
              jobs.add(job(event.studyId(), delivery, "", maxAttempts));
            }
            queue.enqueue(c, jobs);
          });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the callbacks of " + event.studyId(), e);
    }
  }

  /**
   * Queues again, after the study's jobs were cancelled with it, every delivery of the study that
   * was neither delivered nor dead-lettered, with the attempts it has left; in the caller's
   * transaction.
   */
  public void resumeAfterCancel(UUID studyId) {
    try {
      transaction.run(
          c -> {
            List<NewJob> jobs = new ArrayList<>();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT id, greatest(max_attempts - attempts, 1) FROM"
                        + " experiment.callback_delivery WHERE study_id = ? AND delivered_at IS NULL"
                        + " AND failed_at IS NULL")) {
              ps.setObject(1, studyId);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  jobs.add(job(studyId, rs.getLong(1), "-resumed", rs.getInt(2)));
                }
              }
            }
            queue.enqueue(c, jobs);
          });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot resume the callbacks of " + studyId, e);
    }
  }

  private NewJob job(UUID studyId, long delivery, String suffix, int attempts) {
    return new NewJob(
        studyId,
        JobKinds.CALLBACK,
        "delivery-" + delivery + suffix,
        "{\"delivery\":" + delivery + "}",
        attempts);
  }

  /** The JSON posted: the same bytes on every attempt, since they are stored once. */
  private String body(UUID id, StudyEvent event, int done) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("type", "study.status");
    body.put("studyId", event.studyId());
    body.put("status", event.status());
    body.put("progress", Map.of("done", done, "total", event.total()));
    body.put("occurredAt", event.occurredAt().toString());
    String study = "/api/v1/studies/" + event.studyId();
    body.put("links", Map.of("study", study, "results", study + "/" + event.resultsPath()));
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the event of " + event.studyId(), e);
    }
  }

  private static void insertEvent(Connection c, UUID id, StudyEvent event, String body)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO experiment.callback_event (id, study_id, key_id, status, body,"
                + " occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, id);
      ps.setObject(2, event.studyId());
      ps.setLong(3, event.keyId());
      ps.setString(4, event.status());
      ps.setString(5, body);
      ps.setTimestamp(6, Timestamp.from(event.occurredAt()));
      ps.executeUpdate();
    }
  }

  private long insertDelivery(Connection c, UUID eventId, StudyEvent event, String url)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO experiment.callback_delivery (event_id, study_id, url, max_attempts,"
                + " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
      ps.setObject(1, eventId);
      ps.setObject(2, event.studyId());
      ps.setString(3, url);
      ps.setInt(4, maxAttempts);
      ps.setTimestamp(5, Timestamp.from(event.occurredAt()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
