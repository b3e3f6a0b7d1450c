package io.s2l.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.run.RunView;
import io.s2l.api.study.StudyView;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a local HTTP server answering with golden documents, altered per test. */
class S2lClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID STUDY = UUID.fromString("7b1c2a4e-1f0a-4c39-9a53-2d5f6e7a8b91");

  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();
  private HttpServer server;
  private S2lClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().toString();
          authorizations.put(path, exchange.getRequestHeaders().getFirst("Authorization"));
          String body = answers.get(path);
          byte[] bytes = (body == null ? "{\"title\":\"Not Found\"}" : body).getBytes();
          exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    client = new S2lClient(url, url, "key-1");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsAServedDocumentIntoItsRecordWithTheKey() throws IOException {
    ObjectNode served = served();
    answers.put(path(), served.toString());
    ScaleCorrelationResult result = client.scaleCorrelation(STUDY);
    assertThat(result.studyId()).isEqualTo(STUDY);
    assertThat(result.version()).isEqualTo(2);
    assertThat(result.entries()).hasSize(4);
    assertThat(result.entries().get(1).chance()).isEqualTo(0.25);
    assertThat(authorizations.get(path())).isEqualTo("Bearer key-1");
  }

  @Test
  void ignoresFieldsItDoesNotKnowSoANewerServerDoesNotBreakIt() throws IOException {
    ObjectNode served = served();
    ScaleCorrelationResult plain = JSON.readValue(served.toString(), ScaleCorrelationResult.class);
    served.put("addedLater", "x");
    ((ObjectNode) served.get("entries").get(0)).putObject("newStatistic").put("value", 1.5);
    answers.put(path(), served.toString());
    assertThat(client.scaleCorrelation(STUDY)).isEqualTo(plain);
  }

  @Test
  void aMissingRequiredFieldFailsNamingIt() throws IOException {
    ObjectNode served = served();
    served.remove("recommendation");
    answers.put(path(), served.toString());
    assertThatThrownBy(() -> client.scaleCorrelation(STUDY))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("ScaleCorrelationResult")
        .hasMessageContaining("'recommendation'");

    ObjectNode entry = served();
    ((ObjectNode) entry.get("entries").get(0)).remove("pearsonR");
    answers.put(path(), entry.toString());
    assertThatThrownBy(() -> client.scaleCorrelation(STUDY)).hasMessageContaining("'pearsonR'");
  }

  @Test
  void aMissingOptionalFieldIsNull() throws IOException {
    ObjectNode served = served();
    served.remove("version");
    served.remove("computedAt");
    ((ObjectNode) served.get("entries").get(1)).remove("proxyAccuracy");
    answers.put(path(), served.toString());
    ScaleCorrelationResult result = client.scaleCorrelation(STUDY);
    assertThat(result.version()).isNull();
    assertThat(result.computedAt()).isNull();
    assertThat(result.entries().get(1).proxyAccuracy()).isNull();

    answers.put(
        "/api/v1/studies/" + STUDY,
        "{\"id\":\""
            + STUDY
            + "\",\"name\":\"s\",\"status\":\"TRAINING\",\"progress\":"
            + "{\"jobsTotal\":4,\"jobsDone\":1,\"jobsRunning\":2,\"fraction\":0.4}}");
    StudyView study = client.study(STUDY);
    assertThat(study.failure()).isNull();
    assertThat(study.progress().featuresTotal()).isNull();
    assertThat(study.progress().jobsRunning()).isEqualTo(2);
  }

  @Test
  void aResultNotThereYetIsEmptyWhileOtherCallsFailWithTheStatus() {
    assertThat(client.scaleCorrelationIfReady(STUDY)).isEmpty();
    assertThatThrownBy(() -> client.attribution(STUDY))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("answered 404")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
  }

  @Test
  void readsEveryRunPageAfterPage() {
    String run =
        "{\"scale\":\"tiny\",\"distribution\":\"web\",\"seed\":%d,\"params\":10,\"tokens\":20,"
            + "\"flops\":1200.0,\"worker\":\"w\"}";
    String runs = "/api/v1/studies/" + STUDY + "/runs?size=100&page=";
    answers.put(
        runs + "0",
        "{\"items\":["
            + String.format(run, 0)
            + ","
            + String.format(run, 1)
            + "],"
            + "\"page\":0,\"size\":100,\"total\":3}");
    answers.put(
        runs + "1",
        "{\"items\":[" + String.format(run, 2) + "],\"page\":1,\"size\":100,\"total\":3}");
    List<RunView> all = client.runs(STUDY);
    assertThat(all).extracting(RunView::seed).containsExactly(0L, 1L, 2L);
    assertThat(all.get(0).wallSeconds()).isNull();
    assertThat(all.get(0).flops()).isEqualTo(1200.0);
  }

  private static String path() {
    return "/api/v1/studies/" + STUDY + "/scale-correlation";
  }

  /** The golden stored document as the service serves it: with version and time. */
  private static ObjectNode served() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            S2lClientTest.class.getResourceAsStream("/golden/scale-correlation.stored.json"))) {
      ObjectNode doc =
          (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      doc.put("version", 2);
      doc.put("computedAt", "2026-01-02T03:04:05Z");
      return doc;
    }
  }
}
