package io.s2l.access.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.Locale;
import java.util.Set;

/**
 * Drops header parameters named Accept, Content-Type or Authorization: OpenAPI says a document's
 * definitions of them are ignored (media types and security schemes say it instead), and a
 * controller that reads {@code Content-Type} to choose a parser would otherwise show one.
 */
final class IgnoredHeaders {

  private static final Set<String> IGNORED = Set.of("accept", "content-type", "authorization");

  private IgnoredHeaders() {}

  static void drop(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().values().stream()
        .flatMap(item -> item.readOperations().stream())
        .filter(op -> op.getParameters() != null)
        .forEach(
            op -> {
              op.getParameters()
                  .removeIf(
                      p ->
                          "header".equals(p.getIn())
                              && IGNORED.contains(p.getName().toLowerCase(Locale.ROOT)));
              if (op.getParameters().isEmpty()) {
                op.setParameters(null);
              }
            });
  }
}
