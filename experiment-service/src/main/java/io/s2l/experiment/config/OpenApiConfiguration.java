package io.s2l.experiment.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.web.openapi.ApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

/**
 * The experiment service's OpenAPI document: its info block, the demo study as the example of a
 * study definition (the build copies {@code examples/demo-quick.json} into the jar, so the example
 * is the file the demo runs), the JSON-lines body of a dataset upload, which the controller reads
 * as a stream springdoc cannot see, and the progress events of a study as a named stream.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiContract.class)
class OpenApiConfiguration {

  static final String DEMO_STUDY = "openapi/demo-quick.json";
  private static final String NDJSON = "application/x-ndjson";
  private static final String JSON_LINES = "JsonLines";
  private static final String EVENT_STREAM = "text/event-stream";
  private static final String STUDY_EVENTS = "StudyEvents";

  @Bean
  OpenAPI experimentApi(
      ObjectProvider<BuildProperties> build, @Value("${s2l.api.server-url:/}") String serverUrl) {
    return ApiContract.document(
        "s2l experiment service",
        "Submit small-to-large studies (training-data distributions x model scales x seeds x"
            + " evaluation sets), follow their progress, upload corpora and evaluation sets, and"
            + " manage API keys. Every error is an RFC 9457 problem (application/problem+json).",
        build,
        serverUrl);
  }

  @Bean
  OpenApiCustomizer experimentBodies(ObjectMapper json) {
    Object demo = read(json);
    return api -> {
      var submit = api.getPaths().get("/api/v1/studies").getPost();
      MediaType body = submit.getRequestBody().getContent().get("application/json");
      body.addExamples(
          "demo-quick",
          new Example()
              .summary("The quick demo: four language-model scales on eight mixtures")
              .value(demo));
      api.getPaths().get("/api/v1/datasets").getPost().requestBody(datasetBody());
      progressEvents(api);
      api.getComponents()
          .addSchemas(
              JSON_LINES,
              new JsonSchema()
                  .types(Set.of("string"))
                  .contentMediaType(NDJSON)
                  .description("JSON lines: one JSON object per line, UTF-8"));
    };
  }

  /** springdoc describes the stream by its Java type, SseEmitter; clients need the events. */
  private static void progressEvents(OpenAPI api) {
    api.getPaths()
        .get("/api/v1/studies/{id}/events")
        .getGet()
        .getResponses()
        .get("200")
        .getContent()
        .get(EVENT_STREAM)
        .setSchema(new JsonSchema().$ref("#/components/schemas/" + STUDY_EVENTS));
    api.getComponents().getSchemas().remove("SseEmitter");
    api.getComponents()
        .addSchemas(
            STUDY_EVENTS,
            new JsonSchema()
                .types(Set.of("string"))
                .contentMediaType(EVENT_STREAM)
                .description(
                    "Server-sent events: a progress event whose data is the StudyView, every"
                        + " second while the study changes, until it finishes"));
  }

  private static RequestBody datasetBody() {
    MediaType lines =
        new MediaType()
            .schema(new JsonSchema().$ref("#/components/schemas/" + JSON_LINES))
            .addExamples(
                "corpus",
                new Example()
                    .summary("?kind=corpus")
                    .value(
                        """
                        {"domain": "recipes", "text": "Whisk the eggs."}
                        {"domain": "recipes", "text": "Fold in the flour.", "id": "r2"}
                        """))
            .addExamples(
                "evalset",
                new Example()
                    .summary("?kind=evalset")
                    .value(
                        """
                        {"id": "q1", "prompt": "2 + 2 =", "answer": " 4"}
                        {"id": "q2", "prompt": "Red is a", "choices": [" colour", " number"], "label": 0}
                        """));
    return new RequestBody()
        .required(true)
        .description("One JSON object per line, checked as it streams")
        .content(new Content().addMediaType(NDJSON, lines));
  }

  private static Object read(ObjectMapper json) {
    try (InputStream in = new ClassPathResource(DEMO_STUDY).getInputStream()) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the example study " + DEMO_STUDY + " is missing", e);
    }
  }
}
