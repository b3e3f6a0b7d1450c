package io.s2l.access.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Names the schema of every SVG answer ({@code Svg}): springdoc describes a {@code String} body as
 * an anonymous string, which a generated client cannot tell from any other text.
 */
final class SvgBodies implements OpenApiCustomizer {

  static final String MEDIA_TYPE = "image/svg+xml";
  static final String NAME = "Svg";

  @Override
  public void customise(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    boolean[] used = {false};
    api.getPaths().values().stream()
        .flatMap(item -> item.readOperations().stream())
        .filter(op -> op.getResponses() != null)
        .flatMap(op -> op.getResponses().values().stream())
        .filter(response -> response.getContent() != null)
        .forEach(
            response -> {
              MediaType svg = response.getContent().get(MEDIA_TYPE);
              if (svg != null) {
                svg.setSchema(new JsonSchema().$ref("#/components/schemas/" + NAME));
                used[0] = true;
              }
            });
    if (used[0]) {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents()
          .addSchemas(
              NAME,
              new JsonSchema()
                  .types(Set.of("string"))
                  .contentMediaType(MEDIA_TYPE)
                  .description("An SVG document"));
    }
  }
}
