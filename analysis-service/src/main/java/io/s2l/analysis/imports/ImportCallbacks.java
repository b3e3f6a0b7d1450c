package io.s2l.analysis.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.CallbackSecrets;
import io.s2l.access.CallbackTargets;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.CallbackEventJob;
import io.s2l.study.CallbackUrls;
import io.s2l.study.FieldError;
import io.s2l.study.JobKinds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An import's callbacks: its URLs are checked when it is submitted, and each status it moves to is
 * queued, in the transaction of the move, as one callback job per URL that carries the event. The
 * experiment service runs those jobs as it runs a study's: it records the delivery, signs the event
 * with the key's callback secret and retries or dead-letters it. Each status is told once (the job
 * key holds it), however often the move is retried.
 */
@Component
public class ImportCallbacks {

  private final CallbackTargets targets;
  private final CallbackSecrets secrets;
  private final JobQueue queue;
  private final ObjectMapper json;
  private final int maxAttempts;

  ImportCallbacks(
      CallbackTargets targets,
      CallbackSecrets secrets,
      JobQueue queue,
      ObjectMapper json,
      CallbackProperties properties) {
    this.targets = targets;
    this.secrets = secrets;
    this.queue = queue;
    this.json = json;
    this.maxAttempts = properties.maxAttempts();
  }

  /**
   * Refuses, before the upload is read, callback URLs that are malformed, that the rules do not let
   * this service call, or that key {@code keyId} has no callback secret to sign for.
   */
  void check(List<String> urls, long keyId) {
    if (urls.isEmpty()) {
      return;
    }
    List<ImportError> errors = new ArrayList<>();
    for (FieldError e : CallbackUrls.check("callback", urls)) {
      errors.add(new ImportError(null, e.field(), e.reason()));
    }
    // only well-formed URLs are checked against the rules, as a study's are
    boolean wellFormed = errors.isEmpty();
    for (int i = 0; i < urls.size() && wellFormed; i++) {
      String field = "callback[" + i + "]";
      String url = urls.get(i);
      targets
          .refusal(url)
          .ifPresent(why -> errors.add(new ImportError(null, field, url + ": " + why)));
    }
    secrets.missing(keyId).ifPresent(why -> errors.add(new ImportError(null, "callback", why)));
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors, errors.size());
    }
  }

  /**
   * Queues the event of import {@code id} moving to {@code status} to the callback URLs it was
   * imported with, in the caller's transaction; nothing when it named none.
   */
  public void moved(Connection c, UUID id, String status, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT callbacks, callback_key_id FROM analysis.imported_study WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(2) != null) {
          List<String> urls = List.of((String[]) rs.getArray(1).getArray());
          queue(c, id, rs.getLong(2), status, at, urls);
        }
      }
    }
  }

  void queue(Connection c, UUID id, long keyId, String status, Instant at, List<String> urls)
      throws SQLException {
    if (urls.isEmpty()) {
      return;
    }
    UUID event = UUID.randomUUID();
    String body = body(event, id, status, at);
    List<NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      CallbackEventJob payload =
          new CallbackEventJob(event, id, keyId, status, at, urls.get(i), body);
      String key = "import-" + status.toLowerCase(Locale.ROOT) + "-" + i;
      jobs.add(new NewJob(id, JobKinds.CALLBACK, key, write(payload), maxAttempts));
    }
    queue.enqueueAbsent(c, jobs);
  }

  /** The JSON posted, shaped as a study's event; stored in the job, so every attempt sends it. */
  private String body(UUID event, UUID id, String status, Instant at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", event);
    body.put("type", "import.status");
    body.put("studyId", id);
    body.put("status", status);
    body.put("occurredAt", at.toString());
    body.put("links", Map.of("results", "/api/v1/studies/" + id + "/scale-correlation"));
    return write(body);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a callback event", e);
    }
  }
}
