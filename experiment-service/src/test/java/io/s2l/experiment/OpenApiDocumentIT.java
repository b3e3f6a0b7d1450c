package io.s2l.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.openapi.CommittedDocument;
import io.s2l.testsupport.openapi.OpenApiContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The experiment service's OpenAPI document is one clients can generate from. */
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
                Path.of("../docs/openapi/experiment-service.json"),
                Path.of("target/openapi/experiment-service.json")))
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
            OpenApiContract.infoViolations(
                document(), "s2l experiment service", build.getVersion()))
        .isEmpty();
  }

  @Test
  void forbiddenIsDocumentedExactlyWhereARoleAboveReadIsRequired() throws IOException {
    JsonNode paths = json.readTree(document()).path("paths");
    assertThat(paths.at("/~1api~1v1~1studies/post/responses").has("403")).isTrue();
    assertThat(paths.at("/~1api~1v1~1keys/get/responses").has("403")).isTrue();
    assertThat(paths.at("/~1api~1v1~1studies~1{id}/get/responses").has("403")).isFalse();
    assertThat(paths.at("/~1api~1v1~1studies/get/responses").has("403")).isFalse();
    // declared on the operation: a finished study cannot be cancelled
    assertThat(paths.at("/~1api~1v1~1studies~1{id}~1cancel/post/responses").has("409")).isTrue();
  }

  @Test
  void theStudyDefinitionExampleIsTheQuickDemo() throws IOException {
    JsonNode example =
        json.readTree(document())
            .at(
                "/paths/~1api~1v1~1studies/post/requestBody/content/application~1json"
                    + "/examples/demo-quick/value");
    assertThat(example).isEqualTo(json.readTree(Path.of("../examples/demo-quick.json").toFile()));
  }
}
