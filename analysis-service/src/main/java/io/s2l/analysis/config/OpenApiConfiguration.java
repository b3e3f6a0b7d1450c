package io.s2l.analysis.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.web.openapi.ApiContract;
import io.s2l.analysis.imports.ImportDocument;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The analysis service's OpenAPI document: its info block and the two import formats, which the
 * controller reads as a stream springdoc cannot see. Their examples are the first rows of {@code
 * examples/results-example.csv} (copied into the jar by the build), as CSV and as JSON.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiContract.class)
class OpenApiConfiguration {

  private static final String CSV_SCHEMA = "ResultsCsv";

  @Bean
  OpenAPI analysisApi(
      ObjectProvider<BuildProperties> build, @Value("${s2l.api.server-url:/}") String serverUrl) {
    return ApiContract.document(
        "s2l analysis service",
        "Results of small-to-large studies: scale correlation between proxy and reference models,"
            + " TRAK data attribution and its LDS, dataset selection (DsDm) and mixture regression,"
            + " with server-rendered plots; and imports of per-example losses trained elsewhere."
            + " Every error is an RFC 9457 problem (application/problem+json).",
        build,
        serverUrl);
  }

  @Bean
  OpenApiCustomizer importFormats(ObjectMapper json) {
    ImportExamples examples = ImportExamples.load(json);
    return api -> {
      ModelConverters.getInstance(true)
          .readAll(ImportDocument.class)
          .forEach(api.getComponents()::addSchemas);
      api.getComponents()
          .addSchemas(
              CSV_SCHEMA,
              new JsonSchema()
                  .types(Set.of("string"))
                  .contentMediaType("text/csv")
                  .description(
                      "CSV with the header scale,params,tokens,distribution,seed,evalSet,"
                          + "exampleId,loss and optionally correct,chance"));
      Content content =
          new Content()
              .addMediaType(
                  "text/csv",
                  new MediaType()
                      .schema(new JsonSchema().$ref("#/components/schemas/" + CSV_SCHEMA))
                      .addExamples("results", new Example().value(examples.csv())))
              .addMediaType(
                  "application/json",
                  new MediaType()
                      .schema(new JsonSchema().$ref("#/components/schemas/ImportDocument"))
                      .addExamples("results", new Example().value(examples.json())));
      api.getPaths()
          .get("/api/v1/imports")
          .getPost()
          .requestBody(new RequestBody().required(true).content(content));
    };
  }
}
