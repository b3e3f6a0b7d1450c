package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

@Import(AdminKeyClient.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudyApiIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired io.micrometer.core.instrument.MeterRegistry metrics;

  static final String VALID =
      """
      {"name": "api test",
       "distributions": [
         {"name": "lit", "weights": {"literature": 1.0}},
         {"name": "code", "weights": {"code": 1.0}}],
       "generated": {"dirichlet": {"count": 2, "alpha": 1.0, "seed": 7}},
       "scales": [
         {"name": "xs", "width": 16, "depth": 1, "heads": 2, "context": 32},
         {"name": "s", "width": 32, "depth": 1, "heads": 2, "context": 32}],
       "referenceScale": "s",
       "tokensPerParam": 2,
       "seeds": [0, 1]}
      """;

  private ResponseEntity<JsonNode> post(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/studies", new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void aValidStudyIsStoredAndExpandedIntoOneQueuedJobPerScaleDistributionAndSeed() {
    ResponseEntity<JsonNode> response = post(VALID);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    UUID id = UUID.fromString(response.getBody().get("id").asText());
    assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/studies/" + id);
    assertThat(response.getBody().get("status").asText()).isEqualTo("QUEUED");
    // 2 scales x (2 explicit + 2 Dirichlet) distributions x 2 seeds
    assertThat(response.getBody().at("/progress/jobsTotal").asInt()).isEqualTo(16);
    assertThat(response.getBody().at("/plan/distributions").size()).isEqualTo(4);
    Integer queued =
        jdbc.queryForObject(
            "SELECT count(*) FROM queue.job WHERE study_id = ? AND kind = 'train' AND state = 'queued'",
            Integer.class,
            id);
    assertThat(queued).isEqualTo(16);
    // every job carries its resource needs: no GPU asked, memory estimated from the model
    assertThat(
            jdbc.queryForObject(
                "SELECT min(min_memory_bytes) FROM queue.job WHERE study_id = ? AND NOT requires_gpu",
                Long.class,
                id))
        .isGreaterThan(1L << 30);

    JsonNode fetched = http.getForObject("/api/v1/studies/" + id, JsonNode.class);
    assertThat(fetched.at("/progress/jobsDone").asInt()).isZero();
    assertThat(fetched.at("/progress/fraction").asDouble()).isZero();
  }

  private ResponseEntity<JsonNode> post(String body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", idempotencyKey);
    return http.postForEntity("/api/v1/studies", new HttpEntity<>(body, headers), JsonNode.class);
  }

  private long studies() {
    return jdbc.queryForObject("SELECT count(*) FROM experiment.study", Long.class);
  }

  @Test
  void theSameIdempotencyKeyAndBodyGiveTheSameStudyAndAnotherBodyIs422() {
    String key = "submit-" + UUID.randomUUID();
    ResponseEntity<JsonNode> first = post(VALID, key);
    long stored = studies();
    // the same definition, written differently, is the same body
    ResponseEntity<JsonNode> again = post(VALID.replace("\n", " "), key);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(studies()).isEqualTo(stored);

    ResponseEntity<JsonNode> other = post(VALID.replace("api test", "another name"), key);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(other.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(other.getBody().get("detail").asText())
        .contains("Idempotency-Key was used with another study definition");
    assertThat(studies()).isEqualTo(stored);
  }

  @Test
  void concurrentDuplicatesWaitForTheFirstAndReplayItsAnswer() throws Exception {
    String key = "concurrent-" + UUID.randomUUID();
    long before = studies();
    int requests = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(VALID, key);
                }));
      }
      start.countDown();
      List<ResponseEntity<JsonNode>> done = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> answer : answers) {
        done.add(answer.get());
      }
      assertThat(done)
          .allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED));
      assertThat(done.stream().map(r -> r.getBody().get("id").asText()).distinct()).hasSize(1);
      assertThat(done.stream().map(r -> r.getHeaders().getFirst("Idempotent-Replayed")))
          .containsOnlyOnce("false");
      assertThat(studies()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cancellingAStudyDequeuesItsJobsHonoursIfMatchAndIsRefusedOnceFinished() {
    ResponseEntity<JsonNode> submitted = post(VALID);
    String id = submitted.getBody().get("id").asText();
    ResponseEntity<JsonNode> fetched = http.getForEntity("/api/v1/studies/" + id, JsonNode.class);
    String etag = fetched.getHeaders().getETag();
    assertThat(etag).isEqualTo(submitted.getHeaders().getETag()).isNotBlank();

    HttpHeaders stale = new HttpHeaders();
    stale.setIfMatch("\"999\"");
    ResponseEntity<JsonNode> refused =
        http.postForEntity(
            "/api/v1/studies/" + id + "/cancel", new HttpEntity<>(null, stale), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);

    HttpHeaders current = new HttpHeaders();
    current.setIfMatch(etag);
    ResponseEntity<JsonNode> cancelled =
        http.postForEntity(
            "/api/v1/studies/" + id + "/cancel", new HttpEntity<>(null, current), JsonNode.class);
    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.getHeaders().getETag()).isNotEqualTo(etag);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM queue.job WHERE study_id = ?::uuid AND state <> 'cancelled'",
                Integer.class,
                id))
        .isZero();

    ResponseEntity<JsonNode> again =
        http.postForEntity("/api/v1/studies/" + id + "/cancel", null, JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void queueDepthByKindAndStateIsAGauge() throws Exception {
    post(VALID);
    double queued = 0;
    for (int i = 0; i < 40 && queued == 0; i++) {
      Thread.sleep(250);
      var gauge = metrics.find("s2l.queue.jobs").tags("kind", "train", "state", "queued").gauge();
      queued = gauge == null ? 0 : gauge.value();
    }
    assertThat(queued).isGreaterThanOrEqualTo(16);
  }

  @Test
  void deadLettersArePagedAndBounded() {
    ResponseEntity<JsonNode> page =
        http.getForEntity("/api/v1/jobs/dead-letters?page=0&size=5", JsonNode.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody().get("size").asInt()).isEqualTo(5);
    assertThat(page.getBody().get("items").isArray()).isTrue();
    ResponseEntity<JsonNode> tooBig =
        http.getForEntity("/api/v1/jobs/dead-letters?size=1000", JsonNode.class);
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooBig.getBody().get("detail").asText()).startsWith("size:");
  }

  @Test
  void anInvalidStudyIsRefusedWithEveryFieldNamedAndNothingStored() {
    String invalid =
        VALID
            .replace("\"heads\": 2, \"context\": 32}],", "\"heads\": 3, \"context\": 32}],")
            .replace("\"literature\": 1.0", "\"literature\": 0.5")
            .replace("\"seeds\": [0, 1]", "\"seeds\": [0, 0]");
    Integer before = jdbc.queryForObject("SELECT count(*) FROM queue.job", Integer.class);

    ResponseEntity<JsonNode> response = post(invalid);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody().get("errors").findValuesAsText("field"))
        .contains("scales[1].heads", "distributions[0].weights", "seeds");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM queue.job", Integer.class))
        .isEqualTo(before);
  }

  @Test
  void unreadableJsonNamesTheFieldWhereReadingStopped() {
    ResponseEntity<JsonNode> response =
        post(VALID.replace("\"tokensPerParam\": 2", "\"tokensPerParam\": \"lots\""));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("tokensPerParam");
  }

  @Test
  void anUnknownStudyIs404ProblemJson() {
    ResponseEntity<JsonNode> response =
        http.getForEntity("/api/v1/studies/" + UUID.randomUUID(), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody().get("title").asText()).isEqualTo("Study not found");
  }

  @Test
  void aSubsetDistributionMustNameTrainingDocumentsNotHeldOutOnes() {
    String subset =
        VALID.replace(
            "{\"name\": \"code\", \"weights\": {\"code\": 1.0}}",
            "{\"name\": \"pool\", \"subset\": [\"literature-000300\", \"literature-000001\"]}");
    ResponseEntity<JsonNode> refused = post(subset);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().at("/errors/0/field").asText())
        .isEqualTo("distributions[1].subset[1]");
  }

  @Test
  void anImageStudyExpandsRandomSubsetsOfThePool() throws Exception {
    String digits =
        new String(
            java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../examples/demo-digits.json")));
    ResponseEntity<JsonNode> response = post(digits);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getBody().at("/progress/jobsTotal").asInt()).isEqualTo(4 * 8);
    JsonNode first = response.getBody().at("/plan/distributions/0");
    assertThat(first.get("name").asText()).isEqualTo("subset-0");
    assertThat(first.get("subset")).hasSize(699); // half of the 1,397 training images
    assertThat(response.getBody().at("/plan/evalSets/0").asText()).isEqualTo("images/digits-test");
  }

  @Test
  void theListFiltersByKindOwnerNameStatusAndSubmissionTimeInTheDatabase() throws Exception {
    String tag = "Filter-" + UUID.randomUUID();
    String owner = null;
    for (String kind : List.of("scale-correlation", "attribution", "selection", "mixture")) {
      String example = kind.equals("scale-correlation") ? VALID : example("demo-" + kind + ".json");
      com.fasterxml.jackson.databind.node.ObjectNode study =
          (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(example);
      study.put("name", tag + " " + kind);
      ResponseEntity<JsonNode> submitted = post(study.toString());
      assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(submitted.getBody().get("kind").asText()).isEqualTo(kind);
      owner = submitted.getBody().get("owner").asText();
    }

    for (String kind : List.of("scale-correlation", "attribution", "selection", "mixture")) {
      JsonNode page = list("kind=" + kind + "&name=" + tag);
      assertThat(page.get("total").asInt()).as(kind).isEqualTo(1);
      assertThat(page.at("/items/0/name").asText()).isEqualTo(tag + " " + kind);
      assertThat(page.at("/items/0/kind").asText()).isEqualTo(kind);
      assertThat(page.at("/items/0/definition").isMissingNode()).isTrue();
    }
    assertThat(list("name=" + tag.toUpperCase()).get("total").asInt()).isEqualTo(4);
    assertThat(list("name=" + tag + "%25").get("total").asInt()).isZero(); // % is no wildcard
    assertThat(list("owner=" + owner + "&name=" + tag).get("total").asInt()).isEqualTo(4);
    assertThat(list("owner=nobody&name=" + tag).get("total").asInt()).isZero();
    assertThat(list("status=QUEUED&name=" + tag).get("total").asInt()).isEqualTo(4);
    assertThat(list("status=COMPLETED&name=" + tag).get("total").asInt()).isZero();
    assertThat(list("submittedAfter=2000-01-01T00:00:00Z&name=" + tag).get("total").asInt())
        .isEqualTo(4);
    assertThat(list("submittedBefore=2000-01-01T00:00:00Z&name=" + tag).get("total").asInt())
        .isZero();
    JsonNode twoOfFour = list("size=2&page=1&name=" + tag);
    assertThat(twoOfFour.get("total").asInt()).isEqualTo(4);
    assertThat(twoOfFour.get("items")).hasSize(2);
    // oldest last: the first one submitted ends the second page
    assertThat(twoOfFour.at("/items/1/name").asText()).isEqualTo(tag + " scale-correlation");

    JsonNode one =
        http.getForObject(
            "/api/v1/studies/" + twoOfFour.at("/items/1/id").asText(), JsonNode.class);
    assertThat(one.at("/definition/name").asText()).isEqualTo(tag + " scale-correlation");
    assertThat(one.at("/definition/tokensPerParam").asDouble()).isEqualTo(2.0);

    ResponseEntity<JsonNode> bad =
        http.getForEntity("/api/v1/studies?submittedAfter=soon", JsonNode.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("detail").asText()).startsWith("submittedAfter:");
  }

  @Test
  void aKeyThatIsNotAnAdminsFiltersOnlyItsOwnersStudies() {
    String tag = "Owned-" + UUID.randomUUID();
    HttpHeaders asAdmin = new HttpHeaders();
    asAdmin.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created =
        http.postForEntity(
            "/api/v1/keys",
            new HttpEntity<>(
                "{\"owner\": \"team-f\", \"name\": \"f\", \"role\": \"SUBMIT\"}", asAdmin),
            JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    HttpHeaders asTeam = new HttpHeaders();
    asTeam.setContentType(MediaType.APPLICATION_JSON);
    asTeam.setBearerAuth(created.getBody().get("secret").asText());
    ResponseEntity<JsonNode> mine =
        http.postForEntity(
            "/api/v1/studies",
            new HttpEntity<>(VALID.replace("api test", tag + " team"), asTeam),
            JsonNode.class);
    assertThat(mine.getBody().get("owner").asText()).isEqualTo("team-f");
    String adminOwner =
        post(VALID.replace("api test", tag + " admin")).getBody().get("owner").asText();

    java.util.function.Function<String, JsonNode> listAsTeam =
        query ->
            http.exchange(
                    java.net.URI.create("/api/v1/studies?" + query),
                    org.springframework.http.HttpMethod.GET,
                    new HttpEntity<>(asTeam),
                    JsonNode.class)
                .getBody();
    assertThat(listAsTeam.apply("name=" + tag).at("/items/0/name").asText()).endsWith("team");
    assertThat(listAsTeam.apply("name=" + tag).get("total").asInt()).isEqualTo(1);
    assertThat(listAsTeam.apply("name=" + tag + "&owner=team-f").get("total").asInt()).isEqualTo(1);
    assertThat(listAsTeam.apply("name=" + tag + "&owner=" + adminOwner).get("total").asInt())
        .isZero();
    assertThat(list("name=" + tag).get("total").asInt()).isEqualTo(2); // the admin sees both
    assertThat(list("name=" + tag + "&owner=team-f").at("/items/0/owner").asText())
        .isEqualTo("team-f");
  }

  private JsonNode list(String query) {
    ResponseEntity<JsonNode> page =
        http.getForEntity(
            java.net.URI.create("/api/v1/studies?" + query.replace(" ", "%20")), JsonNode.class);
    assertThat(page.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
    return page.getBody();
  }

  private static String example(String file) throws java.io.IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of("../examples", file));
  }

  @Test
  void anImageStudyNeedsClassifiersAndAKnownDataset() {
    String lmOnDigits =
        VALID.replace(
            "\"name\": \"api test\",", "\"name\": \"api test\", \"dataset\": \"digits\",");
    ResponseEntity<JsonNode> refused = post(lmOnDigits);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .contains("scales[0].family");
    ResponseEntity<JsonNode> unknown =
        post(
            VALID.replace(
                "\"name\": \"api test\",", "\"name\": \"api test\", \"dataset\": \"cifar\","));
    assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("dataset");
  }

  @Test
  void featuresAreQueuedForTrainedClassifiersOnlyAndOnce() throws Exception {
    String digits =
        new String(
            java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../examples/demo-digits.json")));
    String id = post(digits).getBody().get("id").asText();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"run\": \"w8/subset-3/0\", \"examples\": \"train\", \"dimension\": 64}";
    ResponseEntity<JsonNode> untrained =
        http.postForEntity(
            "/api/v1/studies/" + id + "/features", new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(untrained.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(untrained.getBody().at("/errors/0/reason").asText())
        .startsWith("has not been trained yet");
    // as if a worker had trained it
    jdbc.update(
        "UPDATE queue.job SET state = 'succeeded' WHERE study_id = ?::uuid AND job_key = 'w8/subset-3/0'",
        id);

    ResponseEntity<JsonNode> accepted =
        http.postForEntity(
            "/api/v1/studies/" + id + "/features", new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM queue.job WHERE study_id = ?::uuid AND kind = 'featurize'",
                Integer.class,
                id))
        .isEqualTo(1);
    ResponseEntity<JsonNode> again =
        http.postForEntity(
            "/api/v1/studies/" + id + "/features", new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<JsonNode> unknown =
        http.postForEntity(
            "/api/v1/studies/" + id + "/features",
            new HttpEntity<>(
                body.replace("w8/subset-3/0", "w8/nope/0").replace("64", "0"), headers),
            JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("run", "dimension");
  }

  @Test
  void theOpenApiDocumentDescribesTheStudiesApi() {
    JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
    assertThat(api.at("/paths").has("/api/v1/studies")).isTrue();
    assertThat(api.at("/paths").has("/api/v1/studies/{id}/events")).isTrue();
    assertThat(api.at("/paths").has("/api/v1/keys")).isTrue();
    // clients (and the Swagger UI's Authorize button) learn how to send their key
    assertThat(api.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
    assertThat(api.at("/security/0").has("apiKey")).isTrue();
  }
}
