package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.s2l.client.callback.CallbackSignature;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.CallbackEventJob;
import io.s2l.study.JobKinds;
import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Study callbacks end to end: a real receiver on loopback (allowed here by its CIDR block, over
 * http) gets every status change of a real study, driven by simulated workers through the queue,
 * signed, exactly once after a first attempt it refuses; forbidden targets are refused at
 * submission. The service's clock is moved by hand, so backoffs pass without waiting for them.
 */
@Import({AdminKeyClient.class, CallbackIT.FixedStart.class})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "s2l.experiment.callbacks.allowed-hosts=127.0.0.1,10.0.0.1,169.254.169.254",
      "s2l.experiment.callbacks.allowed-networks=127.0.0.1/32",
      "s2l.experiment.callbacks.allow-http=true",
      "s2l.experiment.callbacks.max-attempts=2",
      "s2l.experiment.progress-interval=100ms",
      "s2l.queue.idle-poll=50ms"
    })
class CallbackIT {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

  @TestConfiguration(proxyBeanMethods = false)
  static class FixedStart {
    @Bean
    @Primary
    Clock clock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** One request the receiver got, with the service clock's time when it came. */
  record Received(
      String eventId, String timestamp, String signature, String body, int answer, Instant at) {}

  HttpServer receiver;
  final List<Received> received = new CopyOnWriteArrayList<>();

  /** Answers 500 to the first request of each event, 204 to the next ones. */
  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String event = exchange.getRequestHeaders().getFirst("S2L-Event-Id");
          boolean first = received.stream().noneMatch(r -> r.eventId().equals(event));
          int answer = first ? 500 : 204;
          received.add(
              new Received(
                  event,
                  exchange.getRequestHeaders().getFirst("S2L-Timestamp"),
                  exchange.getRequestHeaders().getFirst("S2L-Signature"),
                  body,
                  answer,
                  CLOCK.instant()));
          if (first) {
            byte[] refusal = "not now".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, refusal.length);
            exchange.getResponseBody().write(refusal);
          } else {
            exchange.sendResponseHeaders(204, -1);
          }
          exchange.close();
        });
    // a receiver that has moved: its redirect must not be followed
    receiver.createContext(
        "/moved",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Location", hook());
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    receiver.start();
  }

  /** Cancels the test's studies, so the next test's simulated workers claim only its own jobs. */
  @AfterEach
  void stopReceiverAndStudies() {
    receiver.stop(0);
    JsonNode studies = http.getForObject("/api/v1/studies?size=100", JsonNode.class);
    for (JsonNode study : studies.get("items")) {
      if (List.of("QUEUED", "TRAINING", "ANALYZING").contains(study.get("status").asText())) {
        http.postForEntity(
            "/api/v1/studies/" + study.get("id").asText() + "/cancel", null, JsonNode.class);
      }
    }
  }

  String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @Test
  void everyStatusChangeArrivesSignedExactlyOnceAfterARefusedFirstAttempt() throws Exception {
    Key key = submitKey("team-callbacks");
    String secret = issueSecret(key, key.secret()).get("secret").asText();

    ResponseEntity<JsonNode> submitted = submit(key.secret(), hook());
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = submitted.getBody().get("id").asText();

    // the QUEUED event's first attempt is refused; the clock stands, so its retry waits
    waitFor(
        () -> deliveries(id, key.secret()).at("/items/0/attempts").asInt() == 1,
        "the first attempt recorded");
    assertThat(received).hasSize(1);
    JsonNode pending = deliveries(id, key.secret()).get("items").get(0);
    assertThat(pending.get("status").asText()).isEqualTo("QUEUED");
    assertThat(pending.get("url").asText()).isEqualTo(hook());
    assertThat(pending.get("attempts").asInt()).isEqualTo(1);
    assertThat(pending.get("lastStatusCode").asInt()).isEqualTo(500);
    assertThat(pending.get("lastError").asText()).isEqualTo("HTTP 500: not now");
    assertThat(Instant.parse(pending.get("nextRetryAt").asText())).isAfter(CLOCK.instant());
    assertThat(pending.get("deliveredAt").isNull()).isTrue();

    // simulated trainers: one claims a job (TRAINING), then all finish (ANALYZING), then the
    // analysis job succeeds (COMPLETED)
    ClaimedJob first = claim(JobKinds.TRAIN).orElseThrow();
    waitForStatus(id, "TRAINING");
    complete(first);
    for (Optional<ClaimedJob> job = claim(JobKinds.TRAIN); job.isPresent(); ) {
      complete(job.get());
      job = claim(JobKinds.TRAIN);
    }
    waitForStatus(id, "ANALYZING");
    complete(claim(JobKinds.ANALYZE).orElseThrow());
    waitForStatus(id, "COMPLETED");
    waitFor(() -> delivered().size() == 4, "four delivered events");

    Map<String, List<Received>> byEvent =
        received.stream().collect(Collectors.groupingBy(Received::eventId));
    assertThat(byEvent).hasSize(4);
    Map<String, String> statusByEvent = new HashMap<>();
    for (List<Received> attempts : byEvent.values()) {
      assertThat(attempts).extracting(Received::answer).containsExactly(500, 204);
      assertThat(attempts.get(0).body()).isEqualTo(attempts.get(1).body());
      JsonNode event = json.readTree(attempts.get(1).body());
      statusByEvent.put(event.get("id").asText(), event.get("status").asText());
      assertThat(event.get("studyId").asText()).isEqualTo(id);
      assertThat(event.at("/progress/total").asInt()).isEqualTo(16);
      assertThat(event.at("/links/study").asText()).isEqualTo("/api/v1/studies/" + id);
      assertThat(event.at("/links/results").asText())
          .isEqualTo("/api/v1/studies/" + id + "/scale-correlation");
    }
    assertThat(statusByEvent.keySet()).isEqualTo(byEvent.keySet());
    assertThat(statusByEvent.values())
        .containsExactlyInAnyOrder("QUEUED", "TRAINING", "ANALYZING", "COMPLETED");
    assertThat(
            delivered().stream()
                .filter(r -> statusByEvent.get(r.eventId()).equals("COMPLETED"))
                .map(r -> event(r).at("/progress/done").asInt())
                .toList())
        .containsExactly(16);

    for (Received r : received) {
      Clock atArrival = Clock.fixed(r.at(), ZoneOffset.UTC);
      assertThat(
              CallbackSignature.verify(
                  secret, r.timestamp(), r.body(), r.signature(), Duration.ofMinutes(5), atArrival))
          .as(r.body())
          .isTrue();
      assertThat(
              CallbackSignature.verify(
                  secret,
                  r.timestamp(),
                  r.body().replace(id, "00000000-0000-0000-0000-000000000000"),
                  r.signature(),
                  Duration.ofMinutes(5),
                  atArrival))
          .isFalse();
    }

    JsonNode page = deliveries(id, key.secret());
    assertThat(page.get("total").asInt()).isEqualTo(4);
    for (JsonNode d : page.get("items")) {
      assertThat(d.get("attempts").asInt()).as(d.toString()).isEqualTo(2);
      assertThat(d.get("lastStatusCode").asInt()).isEqualTo(204);
      assertThat(d.get("deliveredAt").isNull()).isFalse();
      assertThat(d.get("nextRetryAt").isNull()).isTrue();
      assertThat(d.get("failedAt").isNull()).isTrue();
    }
    // another owner's key does not learn the study exists
    Key other = submitKey("team-elsewhere");
    assertThat(get("/api/v1/studies/" + id + "/deliveries", other.secret()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCancelledStudyStillDeliversWhatItOwedAndItsCancellation() throws Exception {
    Key key = submitKey("team-cancel");
    issueSecret(key, key.secret());
    String id = submit(key.secret(), hook()).getBody().get("id").asText();
    waitFor(() -> received.size() == 1, "the first attempt");

    ResponseEntity<JsonNode> cancelled =
        http.exchange(
            "/api/v1/studies/" + id + "/cancel",
            HttpMethod.POST,
            new HttpEntity<>(headers(key.secret())),
            JsonNode.class);
    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    waitFor(() -> delivered().size() == 2, "the QUEUED and CANCELLED events");
    assertThat(delivered())
        .extracting(r -> event(r).get("status").asText())
        .containsExactlyInAnyOrder("QUEUED", "CANCELLED");
  }

  @Test
  void aDeliveryThatNeverSucceedsIsDeadLetteredAndARedirectIsNotFollowed() throws Exception {
    Key key = submitKey("team-moved");
    issueSecret(key, key.secret());
    String moved = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/moved";
    String id = submit(key.secret(), moved).getBody().get("id").asText();

    waitFor(
        () -> !deliveries(id, key.secret()).at("/items/0/failedAt").isNull(),
        "the delivery dead-lettered");
    JsonNode dead = deliveries(id, key.secret()).at("/items/0");
    assertThat(dead.get("attempts").asInt()).isEqualTo(2);
    assertThat(dead.get("lastStatusCode").asInt()).isEqualTo(302);
    assertThat(dead.get("lastError").asText()).isEqualTo("HTTP 302 (redirects are not followed)");
    assertThat(dead.get("nextRetryAt").isNull()).isTrue();
    assertThat(dead.get("deliveredAt").isNull()).isTrue();
    assertThat(received).isEmpty(); // the Location was never called
    JsonNode letters = http.getForObject("/api/v1/jobs/dead-letters", JsonNode.class);
    assertThat(letters.get("items"))
        .anySatisfy(
            letter -> {
              assertThat(letter.get("kind").asText()).isEqualTo(JobKinds.CALLBACK);
              assertThat(letter.get("studyId").asText()).isEqualTo(id);
              assertThat(letter.get("lastError").asText()).contains("redirects are not followed");
            });
  }

  @Test
  void theRulesAreCheckedAgainBeforeEveryAttempt() throws Exception {
    Key key = submitKey("team-rebound");
    issueSecret(key, key.secret());
    String id = submit(key.secret(), hook()).getBody().get("id").asText();
    waitFor(
        () -> deliveries(id, key.secret()).at("/items/0/attempts").asInt() == 1,
        "the first attempt recorded");
    // as if the host now resolved to the cloud metadata address
    jdbc.update(
        "UPDATE experiment.callback_delivery SET url = 'http://169.254.169.254/latest'"
            + " WHERE study_id = ?::uuid",
        id);

    waitFor(
        () -> !deliveries(id, key.secret()).at("/items/0/failedAt").isNull(),
        "the delivery dead-lettered");
    JsonNode dead = deliveries(id, key.secret()).at("/items/0");
    assertThat(dead.get("attempts").asInt()).isEqualTo(2);
    assertThat(dead.get("lastStatusCode").isNull()).isTrue();
    assertThat(dead.get("lastError").asText())
        .startsWith("refused: host 169.254.169.254 resolves to 169.254.169.254, a link-local");
    assertThat(received).hasSize(1);
  }

  @Test
  void forbiddenTargetsAreRefusedAtSubmissionNamingTheFieldTheUrlAndTheRule() {
    Key key = submitKey("team-refused");
    ResponseEntity<JsonNode> noSecret = submit(key.secret(), hook());
    assertThat(noSecret.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noSecret.getBody().get("errors").get(0).get("field").asText())
        .isEqualTo("callbacks");
    assertThat(noSecret.getBody().get("errors").get(0).get("reason").asText())
        .contains("/api/v1/keys/" + key.id() + "/callback-secret");

    issueSecret(key, key.secret());
    ResponseEntity<JsonNode> refused =
        submit(
            key.secret(),
            "http://10.0.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://localhost:" + receiver.getAddress().getPort() + "/hook",
            "https://hooks.example.org/s2l");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    JsonNode errors = refused.getBody().get("errors");
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("callbacks[0]");
    assertThat(errors.get(0).get("reason").asText())
        .startsWith("http://10.0.0.1/hook: ")
        .contains("a private address")
        .contains("s2l.experiment.callbacks.allowed-networks");
    assertThat(errors.get(1).get("field").asText()).isEqualTo("callbacks[1]");
    assertThat(errors.get(1).get("reason").asText()).contains("a link-local address");
    assertThat(errors.get(2).get("field").asText()).isEqualTo("callbacks[2]");
    assertThat(errors.get(2).get("reason").asText())
        .contains("host localhost is not in s2l.experiment.callbacks.allowed-hosts");
    assertThat(errors.get(3).get("field").asText()).isEqualTo("callbacks[3]");
    assertThat(errors.get(3).get("reason").asText()).contains("hooks.example.org is not in");

    ResponseEntity<JsonNode> tooMany =
        submit(key.secret(), hook() + "1", hook() + "2", hook() + "3", hook() + "4", hook() + "5");
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody().get("detail").asText()).contains("callbacks: at most 4");
    assertThat(received).isEmpty();
  }

  @Test
  void aKeyIssuesOnlyItsOwnCallbackSecretAndAnAdminAnyKeys() {
    Key key = submitKey("team-secrets");
    Key other = submitKey("team-other");
    ResponseEntity<JsonNode> foreign =
        http.exchange(
            "/api/v1/keys/" + key.id() + "/callback-secret",
            HttpMethod.POST,
            new HttpEntity<>(headers(other.secret())),
            JsonNode.class);
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(foreign.getHeaders().getContentType().toString()).contains("problem+json");
    String own = issueSecret(key, key.secret()).get("secret").asText();
    String byAdmin = issueSecret(key, TestKeys.ADMIN).get("secret").asText();
    assertThat(own).startsWith("s2lcb_").hasSize(49);
    assertThat(byAdmin).startsWith("s2lcb_").isNotEqualTo(own);
    assertThat(
            http.postForEntity("/api/v1/keys/999999/callback-secret", null, JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /**
   * An import's event, queued by the analysis service as a callback job that carries it (the
   * payload built here is the one it builds): this service records the delivery on the first
   * attempt, retries it on the same record, signs it with the importing key's secret and lists it
   * under the import's id for its owner only.
   */
  @Test
  void anImportsEventQueuedWithItsJobIsDeliveredSignedAndListedForItsOwner() throws Exception {
    Key key = submitKey("team-import");
    String secret = issueSecret(key, key.secret()).get("secret").asText();
    UUID importId = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO access.study_owner (study_id, owner, key_id, created_at)"
            + " VALUES (?, 'team-import', ?, now())",
        importId,
        key.id());
    String path = "/api/v1/studies/" + importId + "/deliveries";
    assertThat(deliveries(importId.toString(), key.secret()).get("total").asInt()).isZero();

    UUID event = UUID.randomUUID();
    String body =
        "{\"id\":\"%s\",\"type\":\"import.status\",\"studyId\":\"%s\",\"status\":\"QUEUED\"}"
            .formatted(event, importId);
    CallbackEventJob payload =
        new CallbackEventJob(event, importId, key.id(), "QUEUED", CLOCK.instant(), hook(), body);
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(
                  importId,
                  JobKinds.CALLBACK,
                  "import-queued-0",
                  json.writeValueAsString(payload),
                  2)));
    }
    waitFor(() -> delivered().size() == 1, "the import's event delivered");

    assertThat(received).extracting(Received::answer).containsExactly(500, 204);
    for (Received r : received) {
      assertThat(r.eventId()).isEqualTo(event.toString());
      assertThat(r.body()).isEqualTo(body);
      assertThat(
              CallbackSignature.verify(
                  secret,
                  r.timestamp(),
                  r.body(),
                  r.signature(),
                  Duration.ofMinutes(5),
                  Clock.fixed(r.at(), ZoneOffset.UTC)))
          .isTrue();
    }
    JsonNode page = deliveries(importId.toString(), key.secret());
    assertThat(page.get("total").asInt()).isEqualTo(1);
    JsonNode d = page.at("/items/0");
    assertThat(d.get("status").asText()).isEqualTo("QUEUED");
    assertThat(d.get("url").asText()).isEqualTo(hook());
    assertThat(d.get("attempts").asInt()).isEqualTo(2);
    assertThat(d.get("lastStatusCode").asInt()).isEqualTo(204);
    assertThat(d.get("deliveredAt").isNull()).isFalse();

    assertThat(get(path, TestKeys.ADMIN).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(path, submitKey("team-other").secret()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            get("/api/v1/studies/" + UUID.randomUUID() + "/deliveries", TestKeys.ADMIN)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCarriedEventNamingAKeyThatDoesNotOwnItsStudyIsNeverSigned() throws Exception {
    Key owner = submitKey("team-owner");
    issueSecret(owner, owner.secret());
    Key other = submitKey("team-intruder");
    issueSecret(other, other.secret());
    UUID importId = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO access.study_owner (study_id, owner, key_id, created_at)"
            + " VALUES (?, 'team-owner', ?, now())",
        importId,
        owner.id());
    UUID event = UUID.randomUUID();
    CallbackEventJob forged =
        new CallbackEventJob(
            event, importId, other.id(), "COMPLETED", CLOCK.instant(), hook(), "{}");
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(
                  importId, JobKinds.CALLBACK, "forged-0", json.writeValueAsString(forged), 1)));
    }
    waitFor(
        () ->
            "failed"
                .equals(
                    jdbc.queryForObject(
                        "SELECT state FROM queue.job WHERE study_id = ? AND job_key = 'forged-0'",
                        String.class,
                        importId)),
        "the forged job dead");
    assertThat(received).isEmpty();
    assertThat(deliveries(importId.toString(), owner.secret()).get("total").asInt()).isZero();
  }

  record Key(long id, String secret) {}

  private Key submitKey(String owner) {
    String body =
        "{\"owner\": \"%s\", \"name\": \"callback key\", \"role\": \"SUBMIT\"}".formatted(owner);
    ResponseEntity<JsonNode> created =
        http.postForEntity("/api/v1/keys", new HttpEntity<>(body, headers(null)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return new Key(
        created.getBody().at("/key/id").asLong(), created.getBody().get("secret").asText());
  }

  private JsonNode issueSecret(Key key, String asKey) {
    ResponseEntity<JsonNode> issued =
        http.exchange(
            "/api/v1/keys/" + key.id() + "/callback-secret",
            HttpMethod.POST,
            new HttpEntity<>(headers(asKey)),
            JsonNode.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return issued.getBody();
  }

  private ResponseEntity<JsonNode> submit(String key, String... callbacks) {
    try {
      ObjectNode study = (ObjectNode) json.readTree(StudyApiIT.VALID);
      study
          .putArray("callbacks")
          .addAll(
              List.of(callbacks).stream()
                  .map(json::valueToTree)
                  .map(JsonNode.class::cast)
                  .toList());
      return http.postForEntity(
          "/api/v1/studies",
          new HttpEntity<>(json.writeValueAsString(study), headers(key)),
          JsonNode.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<JsonNode> get(String path, String key) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(key)), JsonNode.class);
  }

  private JsonNode deliveries(String id, String key) {
    ResponseEntity<JsonNode> page = get("/api/v1/studies/" + id + "/deliveries", key);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return page.getBody();
  }

  private static HttpHeaders headers(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.setBearerAuth(key);
    }
    return headers;
  }

  private JsonNode event(Received r) {
    try {
      return json.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  private List<Received> delivered() {
    return received.stream().filter(r -> r.answer() == 204).toList();
  }

  private Optional<ClaimedJob> claim(String kind) throws Exception {
    return queue.claim(List.of(kind), "simulated-worker", Duration.ofMinutes(10));
  }

  private void complete(ClaimedJob job) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThat(queue.complete(c, job)).isTrue();
    }
  }

  private void waitForStatus(String id, String status) throws InterruptedException {
    waitFor(
        () ->
            status.equals(
                http.getForObject("/api/v1/studies/" + id, JsonNode.class).get("status").asText()),
        "status " + status);
  }

  /**
   * Polls {@code condition} for up to 30 s, moving the service's clock 3 s each time so that due
   * retries become claimable (less than a third of the queue's lease, so no lease expires).
   */
  private void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (what.contains("delivered") || what.contains("events") || what.contains("dead")) {
        CLOCK.advance(Duration.ofSeconds(3));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited 30 s for " + what + "; received " + received);
  }
}
