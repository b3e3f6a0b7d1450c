package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.experiment.config.ExperimentProperties;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import io.s2l.testsupport.web.ChunkedPost;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

/**
 * The storage budget (maxStorageBytes): a key holds its datasets' bytes and the estimated artifacts
 * of its studies, and an upload or a study past it is refused with 429, storing nothing.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorageQuotaIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ExperimentProperties properties;
  @LocalServerPort int port;

  /** Evaluation-set lines of 57 bytes each, with their newline. */
  static final String LINE =
      "{\"id\": \"q1\", \"prompt\": \"Q: rain?\\nA:\", \"answer\": \" wet\"}\n";

  static final String LINE2 = LINE.replace("q1", "q2");

  private String key(String owner, long maxStorageBytes) {
    String body =
        "{\"owner\": \"%s\", \"name\": \"k\", \"role\": \"SUBMIT\", \"maxStorageBytes\": %d}"
            .formatted(owner, maxStorageBytes);
    ResponseEntity<JsonNode> created =
        http.postForEntity("/api/v1/keys", new HttpEntity<>(body, headers(null)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("key").get("maxStorageBytes").asLong())
        .isEqualTo(maxStorageBytes);
    return created.getBody().get("secret").asText();
  }

  private static HttpHeaders headers(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.setBearerAuth(key);
    }
    return headers;
  }

  private ResponseEntity<JsonNode> upload(String key, String body) {
    HttpHeaders headers = headers(key);
    headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
    return http.postForEntity(
        "/api/v1/datasets?kind=evalset", new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** An upload without a Content-Length: the body is sent in chunks. */
  private HttpResponse<String> uploadChunked(String key, String body)
      throws IOException, InterruptedException {
    return ChunkedPost.send(
        port, "/api/v1/datasets?kind=evalset", key, "application/x-ndjson", body);
  }

  private int datasetsOf(String owner) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM experiment.dataset WHERE owner = ?", Integer.class, owner);
  }

  private long storedFiles() throws IOException {
    Path dir = properties.artifacts().resolve("datasets");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void anUploadPastTheBudgetIsRefusedWith429AndNothingIsKept() throws Exception {
    String key = key("team-u", 150);
    assertThat(upload(key, LINE).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode me =
        http.exchange(
                "/api/v1/keys/me", HttpMethod.GET, new HttpEntity<>(headers(key)), JsonNode.class)
            .getBody();
    assertThat(me.get("maxStorageBytes").asLong()).isEqualTo(150);
    long files = storedFiles();

    // 114 declared bytes, with the 57 held: refused before the body is read
    ResponseEntity<JsonNode> declared = upload(key, LINE + LINE2);
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(declared.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = declared.getBody();
    assertThat(problem.get("quota").asText()).isEqualTo("maxStorageBytes");
    assertThat(problem.get("limit").asLong()).isEqualTo(150);
    assertThat(problem.get("requested").asLong()).isEqualTo(114);
    assertThat(problem.get("used").asLong()).isEqualTo(57);
    assertThat(problem.get("detail").asText()).contains("maxStorageBytes");

    // without a length: refused at the first read past the 93 left, long before the body's end
    String many =
        IntStream.range(0, 1000)
            .mapToObj(i -> LINE.replace("q1", "m" + i))
            .collect(Collectors.joining());
    HttpResponse<String> chunked = uploadChunked(key, many);
    assertThat(chunked.statusCode()).isEqualTo(429);
    JsonNode streamed = json.readTree(chunked.body());
    assertThat(streamed.get("quota").asText()).isEqualTo("maxStorageBytes");
    assertThat(streamed.get("requested").asLong()).isGreaterThan(93).isLessThan(many.length() / 2);
    assertThat(streamed.get("used").asLong()).isEqualTo(57);

    assertThat(datasetsOf("team-u")).isEqualTo(1);
    assertThat(storedFiles()).isEqualTo(files);
    // what is left still takes an upload that fits, with or without a length
    assertThat(uploadChunked(key, LINE2).statusCode()).isEqualTo(201);
    assertThat(datasetsOf("team-u")).isEqualTo(2);
  }

  @Test
  void aStudyWhoseEstimatedArtifactsPassTheBudgetIsRefusedWith429AndNothingIsQueued() {
    // AccessApiIT's study: 8 models of xs (P = 3312 + 8960) and 8 of s (P = 12768 + 17664), each
    // leaving 4 P for its parameters and 16 P for its checkpoint
    long artifacts = 8 * 20L * (3312 + 8960) + 8 * 20L * (12768 + 17664);
    String key = key("team-s", artifacts + 100);
    assertThat(upload(key, LINE + LINE2).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> over =
        http.postForEntity(
            "/api/v1/studies", new HttpEntity<>(AccessApiIT.STUDY, headers(key)), JsonNode.class);
    assertThat(over.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    JsonNode problem = over.getBody();
    assertThat(problem.get("quota").asText()).isEqualTo("maxStorageBytes");
    assertThat(problem.get("limit").asLong()).isEqualTo(artifacts + 100);
    assertThat(problem.get("requested").asLong()).isEqualTo(artifacts);
    assertThat(problem.get("used").asLong()).isEqualTo(114);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM queue.job j JOIN access.study_owner o ON o.study_id ="
                    + " j.study_id WHERE o.owner = 'team-s'",
                Integer.class))
        .isZero();

    // a key whose budget holds the study takes it, and then holds its estimate
    String roomy = key("team-r", artifacts + 171);
    assertThat(upload(roomy, LINE + LINE2).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(
            http.postForEntity(
                    "/api/v1/studies",
                    new HttpEntity<>(AccessApiIT.STUDY, headers(roomy)),
                    JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(upload(roomy, LINE).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> full = upload(roomy, LINE2);
    assertThat(full.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(full.getBody().get("used").asLong()).isEqualTo(artifacts + 171);
  }
}
