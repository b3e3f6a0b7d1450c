package io.s2l.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client generator needs of a service's OpenAPI document, as a list of violations (empty
 * when it holds): the document parses as OpenAPI 3.1 without a single parser message; every
 * operation has an id that is a plain method name (not a numbered repeat such as {@code get_1}) and
 * a success response, and answers its errors as {@code application/problem+json} with the shared
 * {@code Problem} schema (400 where it takes input, 401 behind the key filter, 404 under a path
 * variable, 500 always); every request and success body is a {@code $ref} to a named schema, and
 * every {@code $ref} resolves.
 */
public final class OpenApiContract {

  public static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiContract() {}

  /**
   * @param document the document as the service serves it
   * @param untyped operations ({@code "GET /api/v1/..."}) whose bodies are exempt from the named
   *     schema rule
   */
  public static List<String> violations(String document, Set<String> untyped) {
    List<String> violations = new ArrayList<>(parserMessages(document));
    JsonNode api = read(document);
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          String name = op.getKey().toUpperCase() + " " + path.getKey();
          String id = op.getValue().path("operationId").asText();
          if (!id.matches("[a-z][A-Za-z0-9]*")) {
            violations.add(name + ": operation id '" + id + "' is not a plain method name");
          }
          errorResponses(name, path.getKey(), op.getValue(), violations);
          if (!untyped.contains(name)) {
            namedBodies(name, op.getValue(), violations);
          }
        }
      }
    }
    unresolvedRefs(api, api, violations);
    return violations;
  }

  /**
   * What is wrong with a document's info block and servers: the title, the build's version, the
   * Apache-2.0 licence by its SPDX identifier, a description, and a relative server URL.
   */
  public static List<String> infoViolations(String document, String title, String version) {
    JsonNode api = read(document);
    List<String> out = new ArrayList<>();
    Map.of(
            "/info/title",
            title,
            "/info/version",
            version,
            "/info/license/identifier",
            "Apache-2.0",
            "/servers/0/url",
            "/")
        .forEach(
            (pointer, expected) -> {
              if (!api.at(pointer).asText().equals(expected)) {
                out.add(pointer + ": '" + api.at(pointer).asText() + "', not '" + expected + "'");
              }
            });
    if (api.at("/info/description").asText().isBlank()) {
      out.add("/info/description: missing");
    }
    return out;
  }

  /** A copy of a document without its info object, which OpenAPI requires. */
  public static String withoutInfo(String document) {
    try {
      ObjectNode api = (ObjectNode) read(document);
      api.remove("info");
      return JSON.writeValueAsString(api);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the OpenAPI parser says of the document: errors and warnings alike. */
  public static List<String> parserMessages(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    List<String> messages = new ArrayList<>();
    if (result.getMessages() != null) {
      result.getMessages().forEach(m -> messages.add("parser: " + m));
    }
    if (result.getOpenAPI() == null) {
      messages.add("parser: no OpenAPI document");
    } else if (result.getOpenAPI().getSpecVersion() != SpecVersion.V31) {
      messages.add("parser: not OpenAPI 3.1 but " + result.getOpenAPI().getOpenapi());
    }
    return messages;
  }

  private static void errorResponses(String name, String path, JsonNode op, List<String> out) {
    JsonNode responses = op.path("responses");
    boolean success = false;
    for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
      success |= codes.next().startsWith("2");
    }
    if (!success) {
      out.add(name + ": no success response");
    }
    boolean input = op.path("parameters").size() > 0 || op.has("requestBody");
    expect(name, responses, "400", input, out);
    expect(name, responses, "401", path.startsWith("/api/"), out);
    expect(name, responses, "404", path.contains("{"), out);
    expect(name, responses, "500", true, out);
    for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      if (response.getKey().matches("[45]\\d\\d")) {
        JsonNode content = response.getValue().path("content");
        if (content.size() != 1
            || !PROBLEM_REF.equals(
                content.path("application/problem+json").path("schema").path("$ref").asText())) {
          out.add(name + " " + response.getKey() + ": not a problem+json " + PROBLEM_REF);
        }
      }
    }
  }

  private static void expect(
      String name, JsonNode responses, String status, boolean wanted, List<String> out) {
    if (wanted && !responses.has(status)) {
      out.add(name + ": no " + status + " response");
    }
  }

  private static void namedBodies(String name, JsonNode op, List<String> out) {
    namedContent(name + " request body", op.path("requestBody").path("content"), out);
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      if (response.getKey().startsWith("2")) {
        namedContent(name + " " + response.getKey(), response.getValue().path("content"), out);
      }
    }
  }

  private static void namedContent(String what, JsonNode content, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      if (!media
          .getValue()
          .path("schema")
          .path("$ref")
          .asText()
          .startsWith("#/components/schemas/")) {
        out.add(what + " (" + media.getKey() + "): not a $ref to a named schema");
      }
    }
  }

  private static void unresolvedRefs(JsonNode api, JsonNode node, List<String> out) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
        if (api.at(ref.asText().substring(1)).isMissingNode()) {
          out.add("unresolved $ref " + ref.asText());
        }
      }
    }
    node.elements().forEachRemaining(child -> unresolvedRefs(api, child, out));
  }

  private static JsonNode read(String document) {
    try {
      return JSON.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON", e);
    }
  }
}
