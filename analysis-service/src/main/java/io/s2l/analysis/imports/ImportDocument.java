package io.s2l.analysis.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON import format as the API contract states it. {@code JsonLossReader} streams the body
 * token by token and never builds these records: they exist so that the OpenAPI document names the
 * format and clients can generate it.
 *
 * @param referenceScale the scale the proxies are compared with, unless {@code ?reference=} names
 *     it
 * @param rows one per-example loss each
 */
@Schema(name = "ImportDocument", description = "Per-example losses trained elsewhere, as JSON")
public record ImportDocument(String referenceScale, List<Row> rows) {

  /** One row: the CSV's columns as fields; numbers may also be strings. */
  @Schema(name = "ImportRow")
  public record Row(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String scale,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "parameters") long params,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "training tokens")
          long tokens,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String distribution,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long seed,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String evalSet,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String exampleId,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "per-example loss")
          double loss,
      @Schema(description = "whether the model answered right (multiple choice)") Boolean correct,
      @Schema(description = "the accuracy of guessing (multiple choice)") Double chance) {}
}
