package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.openapi.CommittedDocument;
import io.s2l.testsupport.openapi.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The analysis service's OpenAPI document is one clients can generate from. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

  /** Operations allowed a body that is no named schema: none, every body is a record. */
  static final Set<String> UNTYPED = Set.of();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired BuildProperties build;

  private String document() {
    return http.getForObject("/v3/api-docs", String.class);
  }

  @Test
  void theDocumentIsOpenApi31WithErrorsAsProblemsAndNamedBodies() {
    assertThat(OpenApiContract.violations(document(), UNTYPED)).isEmpty();
  }

  @Test
  void theDocumentIsTheCommittedOne() {
    assertThat(
            CommittedDocument.check(
                document(),
                Path.of("../docs/openapi/analysis-service.json"),
                Path.of("target/openapi/analysis-service.json")))
        .isEmpty();
  }

  @Test
  void theParserCatchesABrokenCopyOfTheDocument() {
    assertThat(OpenApiContract.parserMessages(OpenApiContract.withoutInfo(document())))
        .anyMatch(m -> m.contains("info"));
  }

  @Test
  void theInfoComesFromTheBuildAndTheServerIsRelative() {
    assertThat(build.getVersion()).isNotBlank();
    assertThat(
            OpenApiContract.infoViolations(document(), "s2l analysis service", build.getVersion()))
        .isEmpty();
  }

  @Test
  void forbiddenIsDocumentedExactlyWhereARoleAboveReadIsRequired() throws IOException {
    JsonNode paths = json.readTree(document()).path("paths");
    assertThat(paths.at("/~1api~1v1~1imports/post/responses").has("403")).isTrue();
    assertThat(paths.at("/~1api~1v1~1studies~1{id}~1analyses/post/responses").has("403")).isTrue();
    assertThat(paths.at("/~1api~1v1~1studies~1{id}~1analyses/get/responses").has("403")).isFalse();
    // declared on the operation: an upload past the size limit
    assertThat(paths.at("/~1api~1v1~1imports/post/responses").has("413")).isTrue();
  }

  @Test
  void theImportExamplesAreTheExampleResultsInBothFormats() throws IOException {
    JsonNode content =
        json.readTree(document()).at("/paths/~1api~1v1~1imports/post/requestBody/content");
    String csv = content.at("/text~1csv/examples/results/value").asText();
    List<String> file = Files.readAllLines(Path.of("../examples/results-example.csv"));
    assertThat(csv.lines().toList()).isEqualTo(file.subList(0, csv.lines().toList().size()));
    JsonNode rows = content.at("/application~1json/examples/results/value/rows");
    assertThat(rows.size()).isEqualTo(csv.lines().count() - 1).isPositive();
    String[] first = file.get(1).split(",", -1);
    assertThat(rows.get(0).get("exampleId").asText()).isEqualTo(first[6]);
    assertThat(rows.get(0).get("loss").asDouble()).isEqualTo(Double.parseDouble(first[7]));
  }
}
