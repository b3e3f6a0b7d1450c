package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * Study definitions built to cost the service: oversized bodies (with and without a declared
 * length), endless names and subsets that repeat ids are refused with a problem naming the limit,
 * and nothing is stored.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileStudyIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  private ResponseEntity<JsonNode> post(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/studies", new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** A valid definition whose name is padded to {@code bytes}. */
  private static String padded(int bytes) {
    String pad = " ".repeat(bytes);
    return StudyApiIT.VALID.replace("{\"name\": \"api test\",", "{" + pad + "\"name\": \"big\",");
  }

  @Test
  void aBodyOverTheLimitIs413NamingThePropertyWithOrWithoutALength() throws Exception {
    // 1.5 MB: past the limit, and within what the server discards of an unread body (2 MB) so the
    // client reads the refusal rather than a closed connection
    ResponseEntity<JsonNode> declared = post(padded(3 << 19));
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(declared.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(declared.getBody().get("property").asText())
        .isEqualTo("s2l.experiment.max-request-size");
    assertThat(declared.getBody().get("limit").asLong()).isEqualTo(1 << 20);

    HttpResponse<String> chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/studies"))
                    .header("Authorization", "Bearer " + TestKeys.ADMIN)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () ->
                                new ByteArrayInputStream(
                                    padded(3 << 19).getBytes(StandardCharsets.UTF_8))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(json.readTree(chunked.body()).get("property").asText())
        .isEqualTo("s2l.experiment.max-request-size");

    assertThat(post(padded(1000)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM experiment.study", Long.class))
        .isEqualTo(1);
  }

  @Test
  void longNamesReservedNamesAndRepeatedIdsAreNamedFieldByField() {
    ResponseEntity<JsonNode> longName =
        post(
            StudyApiIT.VALID.replace("\"name\": \"xs\"", "\"name\": \"" + "x".repeat(3000) + "\""));
    assertThat(longName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(longName.getBody().at("/errors/0/field").asText()).isEqualTo("scales[0].name");
    assertThat(longName.getBody().at("/errors/0/reason").asText())
        .isEqualTo("must have at most 64 characters, has 3000");

    ResponseEntity<JsonNode> reserved =
        post(StudyApiIT.VALID.replace("\"name\": \"lit\"", "\"name\": \"random-0\""));
    assertThat(reserved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(reserved.getBody().at("/errors/0/field").asText())
        .isEqualTo("distributions[0].name");
    assertThat(reserved.getBody().at("/errors/0/reason").asText()).contains("reserved");
  }
}
