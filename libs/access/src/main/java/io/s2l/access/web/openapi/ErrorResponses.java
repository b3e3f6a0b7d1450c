package io.s2l.access.web.openapi;

import io.s2l.access.Role;
import io.s2l.access.web.AccessSecurity;
import io.s2l.access.web.RoleRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Documents the problem+json answers of every operation, from what the operation is: 400 when it
 * takes parameters or a body, 401 behind the key filter, 403 where {@link RoleRules} ask for more
 * than READ, 404 under a path variable, 500 everywhere. Statuses only the code knows (409, 412,
 * 413, 422, 429) are declared on the operation with {@code @ApiResponse}; every error response,
 * declared or derived, gets the shared {@code Problem} schema as its only content.
 */
final class ErrorResponses implements OpenApiCustomizer {

  private final RoleRules rules;

  ErrorResponses(RoleRules rules) {
    this.rules = rules;
  }

  @Override
  public void customise(OpenAPI api) {
    ProblemSchemas.addTo(api);
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> document(path, HttpMethod.valueOf(method.name()), op)));
  }

  private void document(String path, HttpMethod method, Operation op) {
    if (op.getResponses() == null) {
      op.setResponses(new ApiResponses());
    }
    ApiResponses responses = op.getResponses();
    boolean input =
        (op.getParameters() != null && !op.getParameters().isEmpty())
            || op.getRequestBody() != null;
    if (input) {
      add(responses, HttpStatus.BAD_REQUEST);
    }
    if (!AccessSecurity.isPublic(path)) {
      add(responses, HttpStatus.UNAUTHORIZED);
      if (rules.required(method, path) != Role.READ) {
        add(responses, HttpStatus.FORBIDDEN);
      }
    }
    if (path.contains("{")) {
      add(responses, HttpStatus.NOT_FOUND);
    }
    add(responses, HttpStatus.INTERNAL_SERVER_ERROR);
    responses.forEach(
        (code, response) -> {
          if (isError(code)) {
            // springdoc gives a declared response the method's return type: an error has none
            response.setContent(
                new Content()
                    .addMediaType(
                        ProblemSchemas.MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref(ProblemSchemas.REF))));
            if (response.getDescription() == null || response.getDescription().isBlank()) {
              response.setDescription(HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase());
            }
          }
        });
  }

  private static void add(ApiResponses responses, HttpStatus status) {
    responses.computeIfAbsent(
        String.valueOf(status.value()),
        code -> new ApiResponse().description(status.getReasonPhrase()));
  }

  private static boolean isError(String code) {
    return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
  }
}
