package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.access.ApiKeys;
import io.s2l.access.CallbackSecrets;
import io.s2l.access.IssuedKey;
import io.s2l.access.NewApiKey;
import io.s2l.access.Role;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.CallbackEventJob;
import io.s2l.study.JobKinds;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An import's callbacks on the analysis service's side: a real import of the example results with
 * two callback URLs queues one callback job per URL, carrying its signed-to-be event, when it is
 * accepted, when its analysis starts, when it completes and when it fails on its last attempt or
 * loses its last attempt with its worker (the experiment service delivers them; CallbackIT there
 * takes such a job to the receiver); a host the rules forbid, or a key with no callback secret, is
 * refused before anything is stored.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "s2l.queue.idle-poll=100ms",
      "s2l.analysis.callbacks.allowed-hosts=127.0.0.1,10.0.0.1",
      "s2l.analysis.callbacks.allowed-networks=127.0.0.1/32",
      "s2l.analysis.callbacks.allow-http=true",
      "s2l.analysis.callbacks.max-attempts=5",
      "s2l.analysis.callbacks.lost-failure-sweep=200ms"
    })
class ImportCallbackIT {

  private static final Path EXAMPLE = Path.of("../examples/results-example.csv");
  private static final String A = "http://127.0.0.1:9/a";
  private static final String B = "http://127.0.0.1:9/b";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApiKeys keys;
  @Autowired CallbackSecrets secrets;
  @Autowired ObjectMapper json;
  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;

  @Test
  void everyStatusOfAnImportIsQueuedOnceToEachUrlWithItsEvent() throws Exception {
    IssuedKey key = keys.create(new NewApiKey("team-cb", "cb", Role.SUBMIT, null, null));
    secrets.issue(key.key().id());

    ResponseEntity<JsonNode> accepted = upload(key.secret(), A, B);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = accepted.getBody().get("id").asText();
    awaitCompleted(id);

    List<CallbackEventJob> jobs = callbackJobs(id);
    assertThat(jobs).hasSize(6);
    Map<String, List<CallbackEventJob>> byStatus =
        jobs.stream().collect(Collectors.groupingBy(CallbackEventJob::status));
    assertThat(byStatus).containsOnlyKeys("QUEUED", "ANALYZING", "COMPLETED");
    List<Instant> times = new ArrayList<>();
    for (String status : List.of("QUEUED", "ANALYZING", "COMPLETED")) {
      List<CallbackEventJob> one = byStatus.get(status);
      assertThat(one).extracting(CallbackEventJob::url).containsExactlyInAnyOrder(A, B);
      // one event to both URLs: the same id and the same bytes
      assertThat(one).extracting(CallbackEventJob::event).containsOnly(one.get(0).event());
      assertThat(one).extracting(CallbackEventJob::body).containsOnly(one.get(0).body());
      assertThat(one).extracting(CallbackEventJob::keyId).containsOnly(key.key().id());
      JsonNode body = json.readTree(one.get(0).body());
      assertThat(body.get("id").asText()).isEqualTo(one.get(0).event().toString());
      assertThat(body.get("type").asText()).isEqualTo("import.status");
      assertThat(body.get("studyId").asText()).isEqualTo(id);
      assertThat(body.get("status").asText()).isEqualTo(status);
      assertThat(body.at("/links/results").asText())
          .isEqualTo("/api/v1/studies/" + id + "/scale-correlation");
      assertThat(Instant.parse(body.get("occurredAt").asText())).isEqualTo(one.get(0).occurredAt());
      times.add(one.get(0).occurredAt());
    }
    assertThat(times).isSorted();
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT max_attempts FROM queue.job WHERE study_id = ?::uuid AND kind = ?",
                Integer.class,
                id,
                JobKinds.CALLBACK))
        .containsExactly(5);
  }

  /**
   * An analysis of the import that fails on its last attempt (a re-run naming a reference the
   * import does not hold) queues FAILED; ANALYZING, told once per import, is not queued again.
   */
  @Test
  void anAnalysisFailingOnItsLastAttemptQueuesFailed() throws Exception {
    IssuedKey key = keys.create(new NewApiKey("team-failed", "f", Role.SUBMIT, null, null));
    secrets.issue(key.key().id());
    String id = upload(key.secret(), A).getBody().get("id").asText();
    awaitCompleted(id);

    ObjectNode spec =
        (ObjectNode)
            json.readTree(
                jdbc.queryForObject(
                    "SELECT payload::text FROM queue.job WHERE study_id = ?::uuid AND kind = ?",
                    String.class,
                    id,
                    JobKinds.ANALYZE));
    spec.put("referenceScale", "no-such-scale");
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(
                  UUID.fromString(id),
                  JobKinds.ANALYZE,
                  "doomed",
                  json.writeValueAsString(spec),
                  1)));
    }
    awaitFailed(id, "doomed");
    assertThat(callbackJobs(id))
        .extracting(CallbackEventJob::status)
        .containsExactlyInAnyOrder("QUEUED", "ANALYZING", "COMPLETED", "FAILED");
  }

  /**
   * An analysis whose last attempt was lost with its worker (claimed by a worker that then stopped
   * heartbeating, its lease expired, the queue's rescue failed it) queues FAILED too, once.
   */
  @Test
  void anAnalysisWhoseLastAttemptWasLostWithItsWorkerQueuesFailed() throws Exception {
    IssuedKey key = keys.create(new NewApiKey("team-lost", "l", Role.SUBMIT, null, null));
    secrets.issue(key.key().id());
    String id = upload(key.secret(), A, B).getBody().get("id").asText();
    awaitCompleted(id);
    try (Connection c = dataSource.getConnection()) {
      // a re-run of its analysis, held by a worker that died: the lease expired a second ago (in
      // one transaction, so no live worker claims it first)
      c.setAutoCommit(false);
      queue.enqueue(c, List.of(new NewJob(UUID.fromString(id), JobKinds.ANALYZE, "lost", "{}", 1)));
      try (var held =
          c.prepareStatement(
              "UPDATE queue.job SET state = 'running', attempt = 1, lease_owner ="
                  + " 'crashed-worker', claimed_at = now() - interval '1 minute',"
                  + " lease_expires_at = now() - interval '1 second'"
                  + " WHERE study_id = ?::uuid AND job_key = 'lost'")) {
        held.setString(1, id);
        assertThat(held.executeUpdate()).isEqualTo(1);
      }
      c.commit();
    }
    queue.rescueExpired(); // or the service's own workers, whichever polls first
    awaitFailed(id, "lost");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (callbackJobs(id).stream().noneMatch(job -> job.status().equals("FAILED"))) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(100);
    }
    Thread.sleep(1000); // later sweeps add nothing
    List<CallbackEventJob> failed =
        callbackJobs(id).stream().filter(job -> job.status().equals("FAILED")).toList();
    assertThat(failed).extracting(CallbackEventJob::url).containsExactlyInAnyOrder(A, B);
    assertThat(failed.get(0).occurredAt())
        .isEqualTo(
            jdbc.queryForObject(
                    "SELECT finished_at FROM queue.job WHERE study_id = ?::uuid AND job_key ="
                        + " 'lost'",
                    java.sql.Timestamp.class,
                    id)
                .toInstant());
  }

  @Test
  void aForbiddenHostOrAKeyWithoutASecretIsRefusedBeforeAnythingIsStored() throws Exception {
    IssuedKey key = keys.create(new NewApiKey("team-refused", "r", Role.SUBMIT, null, null));
    long before = imports();
    long jobsBefore = callbackJobs();

    ResponseEntity<JsonNode> noSecret = upload(key.secret(), A);
    assertThat(noSecret.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noSecret.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(noSecret.getBody().at("/errors/0/column").asText()).isEqualTo("callback");
    assertThat(noSecret.getBody().at("/errors/0/reason").asText())
        .contains("/api/v1/keys/" + key.key().id() + "/callback-secret");

    secrets.issue(key.key().id());
    ResponseEntity<JsonNode> refused =
        upload(key.secret(), A, "http://elsewhere.example/x", "http://10.0.0.1/y");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors")).hasSize(2);
    assertThat(refused.getBody().at("/errors/0/column").asText()).isEqualTo("callback[1]");
    assertThat(refused.getBody().at("/errors/0/reason").asText())
        .contains("not in s2l.analysis.callbacks.allowed-hosts");
    assertThat(refused.getBody().at("/errors/1/column").asText()).isEqualTo("callback[2]");
    assertThat(refused.getBody().at("/errors/1/reason").asText())
        .contains("a private address")
        .contains("s2l.analysis.callbacks.allow-private-networks is false");

    ResponseEntity<JsonNode> malformed = upload(key.secret(), A, A);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().at("/errors/0/column").asText()).isEqualTo("callback[1]");
    assertThat(malformed.getBody().at("/errors/0/reason").asText())
        .isEqualTo("duplicate callback URL");

    assertThat(imports()).isEqualTo(before);
    assertThat(callbackJobs()).isEqualTo(jobsBefore);
  }

  private long callbackJobs() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM queue.job WHERE kind = ?", Long.class, JobKinds.CALLBACK);
  }

  private ResponseEntity<JsonNode> upload(String key, String... callbacks) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    headers.setBearerAuth(key);
    StringBuilder path = new StringBuilder("/api/v1/imports?reference=1B");
    for (String callback : callbacks) {
      path.append("&callback=").append(callback);
    }
    return http.postForEntity(
        path.toString(), new HttpEntity<>(Files.readString(EXAMPLE), headers), JsonNode.class);
  }

  private long imports() {
    return jdbc.queryForObject("SELECT count(*) FROM analysis.imported_study", Long.class);
  }

  private List<CallbackEventJob> callbackJobs(String id) {
    return jdbc
        .queryForList(
            "SELECT payload::text FROM queue.job WHERE study_id = ?::uuid AND kind = ?",
            String.class,
            id,
            JobKinds.CALLBACK)
        .stream()
        .map(
            (Function<String, CallbackEventJob>)
                payload -> {
                  try {
                    return json.readValue(payload, CallbackEventJob.class);
                  } catch (Exception e) {
                    throw new AssertionError(payload, e);
                  }
                })
        .toList();
  }

  /** Waits for the job {@code key} of import {@code id} to fail for good. */
  private void awaitFailed(String id, String key) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!"failed"
        .equals(
            jdbc.queryForObject(
                "SELECT state FROM queue.job WHERE study_id = ?::uuid AND job_key = ?",
                String.class,
                id,
                key))) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** Waits for the import's analysis job to succeed (its COMPLETED event is queued with it). */
  private void awaitCompleted(String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      List<String> states =
          jdbc.queryForList(
              "SELECT state FROM queue.job WHERE study_id = ?::uuid AND kind = ?",
              String.class,
              id,
              JobKinds.ANALYZE);
      if (states.equals(List.of("succeeded"))) {
        return;
      }
      assertThat(states).doesNotContain("failed");
      Thread.sleep(100);
    }
    throw new AssertionError("the analysis of " + id + " did not end");
  }
}
