package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Corpora and evaluation sets users bring, checked on upload and usable in studies. */
@Import(AdminKeyClient.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "s2l.experiment.artifacts=target/artifacts",
      "s2l.experiment.max-dataset-size=64KB"
    })
class DatasetApiIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> upload(String kind, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
    return http.postForEntity(
        "/api/v1/datasets?kind=" + kind + "&name=test",
        new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private static String corpus() {
    StringBuilder lines = new StringBuilder();
    for (String domain : new String[] {"recipes", "weather", "sports"}) {
      for (int i = 0; i < 30; i++) {
        lines
            .append("{\"domain\": \"")
            .append(domain)
            .append("\", \"text\": \"")
            .append(domain)
            .append(" document ")
            .append(i)
            .append(": some words about ")
            .append(domain)
            .append(".\"}\n");
      }
    }
    return lines.toString();
  }

  @Test
  void anUploadedCorpusAndEvaluationSetCanBeStudied() throws Exception {
    ResponseEntity<JsonNode> created = upload("corpus", corpus());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String corpusId = created.getBody().get("id").asText();
    assertThat(created.getBody().get("records").asLong()).isEqualTo(90);
    assertThat(created.getBody().get("sha256").asText()).hasSize(64);
    JsonNode listed = http.getForObject("/api/v1/datasets?size=1", JsonNode.class);
    assertThat(listed.get("total").asLong()).isPositive();
    assertThat(listed.get("items")).hasSize(1);
    assertThat(listed.at("/items/0/id").asText()).isEqualTo(corpusId);
    assertThat(created.getBody().at("/domains/weather").asInt()).isEqualTo(30);

    ResponseEntity<JsonNode> evalSet =
        upload(
            "evalset", "{\"id\": \"q1\", \"prompt\": \"Q: rain?\\nA:\", \"answer\": \" wet\"}\n");
    assertThat(evalSet.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String evalId = evalSet.getBody().get("id").asText();

    // a submission reads the corpus' stored index, never its file: garbled, it is not noticed
    Files.writeString(
        Path.of("target/artifacts").resolve(created.getBody().get("path").asText()),
        "not json lines at all");

    String study =
        """
        {"name": "on my data", "dataset": "%s",
         "distributions": [
           {"name": "a", "weights": {"recipes": 1.0}},
           {"name": "b", "weights": {"weather": 1.0}},
           {"name": "c", "weights": {"recipes": 0.5, "sports": 0.5}}],
         "scales": [
           {"name": "xs", "width": 8, "depth": 1, "heads": 1, "context": 16},
           {"name": "s", "width": 16, "depth": 1, "heads": 2, "context": 16}],
         "referenceScale": "s", "tokensPerParam": 1, "seeds": [0],
         "evalSets": ["heldout/weather", "upload/%s"]}
        """
            .formatted(corpusId, evalId);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> accepted =
        http.postForEntity("/api/v1/studies", new HttpEntity<>(study, headers), JsonNode.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(accepted.getBody().at("/progress/jobsTotal").asInt()).isEqualTo(6);

    ResponseEntity<JsonNode> unknownDomain =
        http.postForEntity(
            "/api/v1/studies",
            new HttpEntity<>(study.replace("\"weather\": 1.0", "\"snow\": 1.0"), headers),
            JsonNode.class);
    assertThat(unknownDomain.getBody().at("/errors/0/field").asText())
        .isEqualTo("distributions[1].weights.snow");
  }

  @Test
  void aBadFileIsRefusedWithItsLinesAndNothingIsKept() {
    Integer before = jdbc.queryForObject("SELECT count(*) FROM experiment.dataset", Integer.class);
    ResponseEntity<JsonNode> refused =
        upload("corpus", "{\"domain\": \"news\", \"text\": \"fine\"}\n{\"domain\": \"news\"}\n");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().at("/errors/0/line").asLong()).isEqualTo(2);
    assertThat(refused.getBody().at("/errors/0/reason").asText()).startsWith("text:");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM experiment.dataset", Integer.class))
        .isEqualTo(before);
    assertThat(upload("corpus", corpus().repeat(20)).getStatusCode())
        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
  }
}
