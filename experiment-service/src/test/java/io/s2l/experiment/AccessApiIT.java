package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** API keys: 401 and 403, owners' visibility, quotas, revocation, and no secret in the logs. */
@Import(AdminKeyClient.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class AccessApiIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  /** 16 training jobs. */
  static final String STUDY = StudyApiIT.VALID;

  private String key(String owner, String role, Integer maxActive, Integer maxJobs) {
    return key(owner, role, maxActive, maxJobs, null);
  }

  private String key(
      String owner, String role, Integer maxActive, Integer maxJobs, Double maxFlops) {
    String body =
        "{\"owner\": \"%s\", \"name\": \"%s key\", \"role\": \"%s\", \"maxActiveStudies\": %s, \"maxJobsPerDay\": %s, \"maxFlopsPerDay\": %s}"
            .formatted(owner, role, role, maxActive, maxJobs, maxFlops);
    ResponseEntity<JsonNode> created =
        http.postForEntity(
            "/api/v1/keys", new HttpEntity<>(body, jsonHeaders(null)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("secret").asText();
  }

  private static HttpHeaders jsonHeaders(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.setBearerAuth(key);
    }
    return headers;
  }

  private ResponseEntity<JsonNode> submit(String key) {
    return http.postForEntity(
        "/api/v1/studies", new HttpEntity<>(STUDY, jsonHeaders(key)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String path, String key) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(jsonHeaders(key)), JsonNode.class);
  }

  @Test
  void requestsWithoutAKeyOrWithAnUnknownOneAreRefusedWith401ProblemDetails() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> none =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/studies"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> v.startsWith("Bearer"));
    assertThat(json.readTree(none.body()).get("detail").asText()).contains("API key is required");

    ResponseEntity<JsonNode> unknown = get("/api/v1/studies", "s2l_not-a-key");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(unknown.getBody().get("detail").asText()).isEqualTo("unknown or revoked API key");

    // probes stay public
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void rolesAreEnforcedWith403() {
    String reader = key("team-r", "READ", null, null);
    String submitter = key("team-r", "SUBMIT", null, null);

    ResponseEntity<JsonNode> refused = submit(reader);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(get("/api/v1/keys", submitter).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/v1/jobs/dead-letters", submitter).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/v1/studies", reader).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/v1/keys", null).getStatusCode()).isEqualTo(HttpStatus.OK); // admin
  }

  @Test
  void aStudyIsVisibleToItsOwnersKeysAndAdminsOnly() {
    String aSubmit = key("team-a", "SUBMIT", null, null);
    String aRead = key("team-a", "READ", null, null);
    String bSubmit = key("team-b", "SUBMIT", null, null);
    ResponseEntity<JsonNode> submitted = submit(aSubmit);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = submitted.getBody().get("id").asText();

    assertThat(get("/api/v1/studies/" + id, aRead).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/v1/studies/" + id, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> hidden = get("/api/v1/studies/" + id, bSubmit);
    assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    HttpHeaders events = jsonHeaders(bSubmit);
    events.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
    assertThat(
            http.exchange(
                    "/api/v1/studies/" + id + "/events",
                    HttpMethod.GET,
                    new HttpEntity<>(events),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> cancel =
        http.postForEntity(
            "/api/v1/studies/" + id + "/cancel",
            new HttpEntity<>(null, jsonHeaders(bSubmit)),
            JsonNode.class);
    assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM experiment.study WHERE id = ?::uuid", String.class, id))
        .isEqualTo("QUEUED");

    assertThat(ids(get("/api/v1/studies?size=100", aRead).getBody())).contains(id);
    assertThat(ids(get("/api/v1/studies?size=100", bSubmit).getBody())).doesNotContain(id);
    assertThat(ids(get("/api/v1/studies?size=100", null).getBody())).contains(id);

    // the same Idempotency-Key from two owners makes two studies: keys are scoped to the caller
    HttpHeaders a = jsonHeaders(aSubmit);
    a.set("Idempotency-Key", "shared-key");
    HttpHeaders b = jsonHeaders(bSubmit);
    b.set("Idempotency-Key", "shared-key");
    JsonNode fromA =
        http.postForEntity("/api/v1/studies", new HttpEntity<>(STUDY, a), JsonNode.class).getBody();
    JsonNode fromB =
        http.postForEntity("/api/v1/studies", new HttpEntity<>(STUDY, b), JsonNode.class).getBody();
    assertThat(fromB.get("id")).isNotEqualTo(fromA.get("id"));
  }

  @Test
  void noSpellingOfAStudyPathGetsPastTheOwnerCheck() throws Exception {
    String id = submit(key("team-e", "SUBMIT", null, null)).getBody().get("id").asText();
    String other = key("team-f", "SUBMIT", null, null);
    HttpClient client = HttpClient.newHttpClient();
    for (String path :
        List.of(
            "/api/v1/studies/" + id,
            "/api/v1/studies/" + id.replaceFirst("-", "%2D"),
            "/api/v1/studies/" + id.replaceFirst("-", "%2d") + "/events",
            "/api/v1/%73tudies/" + id,
            "/api/v1/studies/" + id.toUpperCase())) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Authorization", "Bearer " + other)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("\"QUEUED\"");
    }
    HttpResponse<String> cancel =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/%73tudies/" + id + "/cancel"))
                .header("Authorization", "Bearer " + other)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(cancel.statusCode()).isIn(400, 404);
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM experiment.study WHERE id = ?::uuid", String.class, id))
        .isEqualTo("QUEUED");
  }

  @Test
  void uploadedDatasetsBelongToTheirOwner() {
    String owner = key("team-d", "SUBMIT", null, null);
    String other = key("team-g", "SUBMIT", null, null);
    HttpHeaders headers = jsonHeaders(owner);
    headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
    ResponseEntity<JsonNode> uploaded =
        http.postForEntity(
            "/api/v1/datasets?kind=evalset&name=private",
            new HttpEntity<>(
                "{\"id\": \"q1\", \"prompt\": \"Q: rain?\\nA:\", \"answer\": \" wet\"}\n", headers),
            JsonNode.class);
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String dataset = uploaded.getBody().get("id").asText();

    assertThat(get("/api/v1/datasets/" + dataset, owner).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/v1/datasets/" + dataset, other).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/v1/datasets?size=100", other).getBody().toString())
        .doesNotContain(dataset);
    String usingIt =
        STUDY.replace("\"seeds\"", "\"evalSets\": [\"upload/" + dataset + "\"], \"seeds\"");
    assertThat(
            http.postForEntity(
                    "/api/v1/studies",
                    new HttpEntity<>(usingIt, jsonHeaders(owner)),
                    JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    ResponseEntity<JsonNode> refused =
        http.postForEntity(
            "/api/v1/studies", new HttpEntity<>(usingIt, jsonHeaders(other)), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("evalSets");
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(s -> ids.add(s.get("id").asText()));
    return ids;
  }

  @Test
  void quotasRefuseWith429AndStoreNothing() {
    String oneAtATime = key("team-q", "SUBMIT", 1, null);
    String first = submit(oneAtATime).getBody().get("id").asText();
    ResponseEntity<JsonNode> second = submit(oneAtATime);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(second.getBody().get("quota").asText()).isEqualTo("maxActiveStudies");
    assertThat(studiesOf("team-q")).isEqualTo(1);
    // a cancelled study no longer counts
    http.postForEntity(
        "/api/v1/studies/" + first + "/cancel",
        new HttpEntity<>(null, jsonHeaders(oneAtATime)),
        JsonNode.class);
    assertThat(submit(oneAtATime).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    String jobs = key("team-j", "SUBMIT", null, 20);
    assertThat(submit(jobs).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    ResponseEntity<JsonNode> over = submit(jobs);
    assertThat(over.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(over.getBody().get("quota").asText()).isEqualTo("maxJobsPerDay");
    assertThat(over.getBody().get("detail").asText()).contains("16 jobs").contains("quota of 20");
    assertThat(studiesOf("team-j")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM queue.job j JOIN access.study_owner o ON o.study_id ="
                    + " j.study_id WHERE o.owner = 'team-j'",
                Integer.class))
        .isEqualTo(16);
  }

  @Test
  void aComputeBudgetRefusesAStudyPastItWith429NamingTheEstimateAndTheDaysUse() {
    // STUDY: 8 models of xs (N = 3312, 13 steps of 512 tokens) and 8 of s (N = 12768, 50 steps)
    // at 6 N D each, plus one analysis of 1e9
    double study = 8 * (6.0 * 3312 * 13 * 512) + 8 * (6.0 * 12768 * 50 * 512) + 1e9;
    String key = key("team-f", "SUBMIT", null, null, 3e10);
    assertThat(submit(key).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    ResponseEntity<JsonNode> over = submit(key);
    assertThat(over.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(over.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = over.getBody();
    assertThat(problem.get("quota").asText()).isEqualTo("maxFlopsPerDay");
    assertThat(problem.get("limit").asDouble()).isEqualTo(3e10);
    assertThat(problem.get("requested").asDouble()).isEqualTo(study);
    assertThat(problem.get("used").asDouble()).isEqualTo(study);
    assertThat(problem.get("detail").asText()).contains("maxFlopsPerDay", "3.000e+10");
    assertThat(studiesOf("team-f")).isEqualTo(1);
    ResponseEntity<JsonNode> refused =
        http.postForEntity(
            "/api/v1/keys",
            new HttpEntity<>(
                "{\"owner\": \"o\", \"name\": \"n\", \"role\": \"SUBMIT\", \"maxFlopsPerDay\": -1}",
                jsonHeaders(null)),
            JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").get(0).get("field").asText())
        .isEqualTo("maxFlopsPerDay");
  }

  @Test
  void concurrentSubmissionsCannotOvershootAQuotaTogether() throws Exception {
    String key = key("team-c", "SUBMIT", 3, null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpStatus>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return HttpStatus.valueOf(submit(key).getStatusCode().value());
              }));
    }
    start.countDown();
    int accepted = 0;
    for (Future<HttpStatus> r : results) {
      HttpStatus status = r.get();
      assertThat(status).isIn(HttpStatus.ACCEPTED, HttpStatus.TOO_MANY_REQUESTS);
      accepted += status == HttpStatus.ACCEPTED ? 1 : 0;
    }
    pool.shutdown();
    assertThat(accepted).isEqualTo(3);
    assertThat(studiesOf("team-c")).isEqualTo(3);
  }

  private int studiesOf(String owner) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM experiment.study s JOIN access.study_owner o ON o.study_id = s.id"
            + " WHERE o.owner = ?",
        Integer.class,
        owner);
  }

  @Test
  void keysAreStoredHashedListedWithoutSecretsRevocableAndNeverLogged(CapturedOutput output)
      throws Exception {
    String secret = key("team-h", "SUBMIT", null, null);
    assertThat(secret).startsWith("s2l_").hasSize(47);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes("UTF-8"));
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM access.api_key WHERE key_sha256 = ? AND owner = 'team-h'",
                Integer.class,
                (Object) hash))
        .isEqualTo(1);
    String listed = http.getForObject("/api/v1/keys?size=100", String.class);
    assertThat(listed).contains("team-h").doesNotContain(secret).doesNotContain(TestKeys.ADMIN);

    assertThat(submit(secret).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    long id =
        jdbc.queryForObject("SELECT id FROM access.api_key WHERE owner = 'team-h'", Long.class);
    assertThat(
            http.exchange("/api/v1/keys/" + id, HttpMethod.DELETE, null, Void.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(submit(secret).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<JsonNode> invalid =
        http.postForEntity(
            "/api/v1/keys",
            new HttpEntity<>("{\"owner\": \"x\", \"name\": \"y\"}", jsonHeaders(null)),
            JsonNode.class);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().at("/errors/0/field").asText()).isEqualTo("role");

    assertThat(output.getAll()).doesNotContain(secret).doesNotContain(TestKeys.ADMIN);
  }
}
