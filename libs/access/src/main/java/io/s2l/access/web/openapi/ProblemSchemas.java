package io.s2l.access.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;

/**
 * The one schema of every error answer, RFC 9457 problem details as both services write them: the
 * standard members and the extensions some problems carry ({@code errors}, {@code errorCount},
 * {@code quota}, {@code limit}).
 */
final class ProblemSchemas {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String NAME = "Problem";
  static final String REF = "#/components/schemas/" + NAME;
  private static final String ERROR = "ProblemError";

  private ProblemSchemas() {}

  static void addTo(OpenAPI api) {
    if (api.getComponents() == null) {
      api.setComponents(new Components());
    }
    api.getComponents().addSchemas(NAME, problem()).addSchemas(ERROR, error());
  }

  private static Schema<?> problem() {
    return object("RFC 9457 problem details")
        .addProperty("type", string("A URI naming the kind of problem; about:blank by default"))
        .addProperty("title", string("A short summary of the kind of problem"))
        .addProperty("status", integer("The HTTP status code"))
        .addProperty("detail", string("What went wrong with this request, for people"))
        .addProperty("instance", string("The path of the request"))
        .addProperty(
            "errors",
            typed("array", "Each refused field, line or row, when the input was refused")
                .items(new JsonSchema().$ref("#/components/schemas/" + ERROR)))
        .addProperty("errorCount", integer("How many errors were found; errors lists the first"))
        .addProperty("quota", string("The quota a submission would exceed"))
        .addProperty(
            "limit",
            typed(
                "number",
                "That quota's limit (jobs, studies, FLOPs: maxFlopsPerDay, or bytes:"
                    + " maxStorageBytes)"))
        .addProperty(
            "requested",
            typed(
                "number",
                "Daily quotas: the jobs or estimated FLOPs the request would queue;"
                    + " maxStorageBytes: the bytes it would store"))
        .addProperty(
            "used",
            typed(
                "number",
                "Daily quotas: what the key queued in the daily window (the last 24 whole hours"
                    + " of the database's clock and the hour under way); maxStorageBytes: the"
                    + " bytes the key holds"))
        .required(List.of("type", "title", "status"));
  }

  private static Schema<?> error() {
    return object("One reason the input was refused, located by field, line or row and column")
        .addProperty("field", string("JSON path or parameter name; $ for the whole body"))
        .addProperty("line", integer("1-based line of an uploaded file; 0 for the whole file"))
        .addProperty("row", integer("1-based row of an imported table"))
        .addProperty("column", string("Column or field of an imported table"))
        .addProperty("reason", string("What is wrong, for people"))
        .required(List.of("reason"));
  }

  private static Schema<?> object(String description) {
    return typed("object", description);
  }

  private static Schema<?> string(String description) {
    return typed("string", description);
  }

  private static Schema<?> integer(String description) {
    return typed("integer", description);
  }

  private static Schema<?> typed(String type, String description) {
    return new JsonSchema().types(Set.of(type)).description(description);
  }
}
