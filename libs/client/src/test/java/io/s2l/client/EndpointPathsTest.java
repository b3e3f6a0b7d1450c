package io.s2l.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.api.correlation.RerunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each call reaches its endpoint: method, path, query, body type, and the statuses it accepts. */
class EndpointPathsTest {

  private static final UUID STUDY = UUID.fromString("7b1c2a4e-1f0a-4c39-9a53-2d5f6e7a8b91");
  private static final String SVG = "image/svg+xml";

  private final TestServer server = new TestServer();
  private final S2lClient client = server.client("key-1");
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void plotsAndImagesAreReadAsSvgFromTheirPaths() {
    String study = "/api/v1/studies/" + STUDY;
    server.answer(study + "/plots/r2-vs-compute.svg?version=3", 200, SVG, "<svg>a</svg>");
    server.answer(
        study + "/plots/scatter.svg?proxy=s&evalSet=heldout%2Fcode", 200, SVG, "<svg>b</svg>");
    server.answer(study + "/mixture/gain.svg", 200, SVG, "<svg>c</svg>");
    server.answer("/api/v1/images/digits/test/7.svg", 200, SVG, "<svg>d</svg>");
    assertThat(client.plots().study(STUDY, "r2-vs-compute", 3)).isEqualTo("<svg>a</svg>");
    assertThat(client.plots().entry(STUDY, "scatter", "s", "heldout/code", null))
        .isEqualTo("<svg>b</svg>");
    assertThat(client.plots().mixtureGain(STUDY)).isEqualTo("<svg>c</svg>");
    assertThat(client.plots().image("digits", "test", 7)).isEqualTo("<svg>d</svg>");
  }

  @Test
  void anOlderAnalysisAndAReRunReachTheAnalysisService() {
    String study = "/api/v1/studies/" + STUDY;
    server.answer(
        study + "/analyses",
        202,
        "application/json",
        "{\"studyId\":\"" + STUDY + "\",\"job\":\"analyze-2\",\"status\":\"QUEUED\"}");
    assertThat(client.results().rerun(STUDY, new RerunRequest("r2", 0.5, null)).job())
        .isEqualTo("analyze-2");
    TestServer.Request rerun = server.requests.get(0);
    assertThat(rerun.method()).isEqualTo("POST");
    assertThat(rerun.body()).isEqualTo("{\"metric\":\"r2\",\"threshold\":0.5}");
  }

  @Test
  void aDatasetIsUploadedAsJsonLinesAndAKeyRevokedWithDelete() throws Exception {
    Path lines = dir.resolve("quiz.jsonl");
    Files.writeString(lines, "{\"id\":\"1\",\"prompt\":\"p\",\"answer\":\"a\"}\n");
    UUID id = UUID.randomUUID();
    server.answer(
        "/api/v1/datasets?kind=evalset&name=my+quiz",
        201,
        "application/json",
        "{\"id\":\""
            + id
            + "\",\"name\":\"my quiz\",\"kind\":\"evalset\",\"records\":1,"
            + "\"bytes\":40,\"sha256\":\"x\"}");
    server.answer("/api/v1/keys/12", 204, "application/json", "");
    assertThat(client.datasets().upload(lines, "evalset", "my quiz").id()).isEqualTo(id);
    client.keys().revoke(12);
    assertThat(server.requests.get(0).headers().getFirst("Content-Type"))
        .isEqualTo("application/x-ndjson");
    assertThat(server.requests.get(0).body()).isEqualTo(Files.readString(lines));
    assertThat(server.requests.get(1).method()).isEqualTo("DELETE");
  }

  @Test
  void deliveriesArePagedAndACallbackSecretIsIssuedWithAPost() {
    String study = "/api/v1/studies/" + STUDY;
    server.answer(
        study + "/deliveries?page=0&size=100",
        200,
        "application/json",
        "{\"items\":[{\"id\":4,\"eventId\":\""
            + STUDY
            + "\",\"status\":\"QUEUED\",\"url\":\"https://hooks.example.com/s2l\","
            + "\"attempts\":2,\"maxAttempts\":8,\"lastStatusCode\":204,"
            + "\"occurredAt\":\"2026-12-05T04:00:00Z\","
            + "\"deliveredAt\":\"2026-12-05T04:00:05Z\"}],"
            + "\"page\":0,\"size\":100,\"total\":1}");
    server.answer(
        "/api/v1/keys/12/callback-secret",
        201,
        "application/json",
        "{\"keyId\":12,\"secret\":\"s2lcb_abc\"}");
    assertThat(client.studies().deliveries(STUDY).toList())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.attempts()).isEqualTo(2);
              assertThat(d.lastStatusCode()).isEqualTo(204);
              assertThat(d.nextRetryAt()).isNull();
            });
    assertThat(client.keys().issueCallbackSecret(12).secret()).isEqualTo("s2lcb_abc");
    assertThat(server.requests.get(1).method()).isEqualTo("POST");
  }

  @Test
  void aTrainerAlreadyRegisteredAsItIsIsNoFailure() {
    server.answer(
        "/api/v1/trainers",
        200,
        "application/json",
        "{\"name\":\"pytorch\",\"command\":[\"python3\",\"t.py\"],\"families\":[\"lm\"],"
            + "\"gpu\":false,\"memoryBytes\":1,\"silenceSeconds\":60}");
    assertThat(client.trainers().register("{\"name\":\"pytorch\"}").command())
        .containsExactly("python3", "t.py");
  }
}
