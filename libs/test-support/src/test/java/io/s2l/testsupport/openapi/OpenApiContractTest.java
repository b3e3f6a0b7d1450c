package io.s2l.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check must pass a document that keeps the contract and name each way of breaking it. */
class OpenApiContractTest {

  static final String PROBLEM =
      """
      {"description": "Not Found", "content": {"application/problem+json":
        {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";

  static final String VALID =
      """
      {"openapi": "3.1.0",
       "info": {"title": "t", "version": "1", "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
       "paths": {"/api/v1/things/{id}": {"get": {"operationId": "thingGet",
         "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
         "responses": {
           "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
           "400": PROBLEM, "401": PROBLEM, "404": PROBLEM, "500": PROBLEM}}}},
       "components": {"schemas": {
         "Thing": {"type": "object", "properties": {"name": {"type": "string"}}},
         "Problem": {"type": "object", "properties": {"title": {"type": "string"}}}}}}
      """
          .replace("PROBLEM", PROBLEM);

  @Test
  void aDocumentThatKeepsTheContractHasNoViolations() {
    assertThat(OpenApiContract.violations(VALID, Set.of())).isEmpty();
  }

  @Test
  void theParserReportsAMissingInfoObject() {
    String broken = OpenApiContract.withoutInfo(VALID);
    assertThat(broken).doesNotContain("\"info\"");
    assertThat(OpenApiContract.violations(broken, Set.of()))
        .anyMatch(v -> v.startsWith("parser:") && v.contains("info"));
  }

  @Test
  void theInfoBlockIsCheckedFieldByField() {
    String withServer = VALID.replace("\"paths\"", "\"servers\": [{\"url\": \"/\"}], \"paths\"");
    assertThat(OpenApiContract.infoViolations(withServer, "t", "1"))
        .containsExactly("/info/description: missing");
    assertThat(OpenApiContract.infoViolations(withServer, "t", "2"))
        .contains("/info/version: '1', not '2'");
    assertThat(OpenApiContract.infoViolations(VALID, "t", "1"))
        .contains("/servers/0/url: '', not '/'");
  }

  @Test
  void aDocumentOtherThanOpenApi31IsRefused() {
    assertThat(OpenApiContract.violations(VALID.replace("3.1.0", "3.0.1"), Set.of()))
        .anyMatch(v -> v.contains("not OpenAPI 3.1"));
  }

  @Test
  void anInlineBodyIsAViolationUnlessTheOperationIsListedAsUntyped() {
    String inline =
        VALID.replace(
            "{\"$ref\": \"#/components/schemas/Thing\"}",
            "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}");
    assertThat(OpenApiContract.violations(inline, Set.of()))
        .containsExactly(
            "GET /api/v1/things/{id} 200 (application/json): not a $ref to a named schema");
    assertThat(OpenApiContract.violations(inline, Set.of("GET /api/v1/things/{id}"))).isEmpty();
  }

  @Test
  void anErrorAnsweredWithAnotherSchemaOrMissingIsAViolation() {
    String other =
        VALID.replace(
            "\"404\": " + PROBLEM,
            "\"404\": {\"description\": \"x\", \"content\": {\"application/json\":"
                + " {\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}}}}");
    assertThat(OpenApiContract.violations(other, Set.of()))
        .containsExactly(
            "GET /api/v1/things/{id} 404: not a problem+json #/components/schemas/Problem");
    String missing = VALID.replace("\"401\": " + PROBLEM + ",", "");
    assertThat(OpenApiContract.violations(missing, Set.of()))
        .containsExactly("GET /api/v1/things/{id}: no 401 response");
  }

  @Test
  void anOperationWithoutASuccessResponseIsAViolation() {
    String errorsOnly = VALID.replaceFirst("\"200\": \\{[^}]*\\{[^}]*\\{[^}]*\\{[^}]*}}}},", "");
    assertThat(errorsOnly).doesNotContain("\"200\"");
    assertThat(OpenApiContract.violations(errorsOnly, Set.of()))
        .containsExactly("GET /api/v1/things/{id}: no success response");
  }

  @Test
  void aNumberedOperationIdIsAViolation() {
    assertThat(OpenApiContract.violations(VALID.replace("thingGet", "get_1"), Set.of()))
        .containsExactly(
            "GET /api/v1/things/{id}: operation id 'get_1' is not a plain method name");
  }

  @Test
  void aReferenceToNoSchemaIsAViolation() {
    String dangling = VALID.replace("schemas/Thing\"", "schemas/Nothing\"");
    assertThat(OpenApiContract.violations(dangling, Set.of()))
        .contains("unresolved $ref #/components/schemas/Nothing");
  }
}
