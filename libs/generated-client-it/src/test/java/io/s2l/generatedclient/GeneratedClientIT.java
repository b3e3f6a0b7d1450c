package io.s2l.generatedclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.client.S2lClient;
import io.s2l.client.callback.CallbackSignature;
import io.s2l.generated.analysis.api.ImportsApi;
import io.s2l.generated.analysis.api.RunsApi;
import io.s2l.generated.analysis.api.ScaleCorrelationApi;
import io.s2l.generated.analysis.model.CorrelationEntry;
import io.s2l.generated.analysis.model.ImportReceipt;
import io.s2l.generated.analysis.model.PageViewRunView;
import io.s2l.generated.experiment.api.KeysApi;
import io.s2l.generated.experiment.api.StudiesApi;
import io.s2l.generated.experiment.model.ApiKey;
import io.s2l.generated.experiment.model.CreatedKey;
import io.s2l.generated.experiment.model.Delivery;
import io.s2l.generated.experiment.model.KeyRequest;
import io.s2l.generated.experiment.model.PageViewDelivery;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI documents from a client's side: Java clients generated from them (at build
 * time, by openapi-generator) create a key on the real experiment service, upload the example
 * results to the real analysis service and read the analysis back through their typed classes,
 * seeing what the hand-written client sees; an import's callbacks go from one service to the other.
 */
class GeneratedClientIT {

  private static final Path EXAMPLE = Path.of("../../examples/results-example.csv");

  private static ServiceJar experiment;
  private static ServiceJar analysis;

  @BeforeAll
  static void start() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    // one after the other: both migrate the shared access schema at start-up
    experiment = ServiceJar.start("experiment-service", "S2L_EXPERIMENT_PORT", db);
    analysis = ServiceJar.start("analysis-service", "S2L_ANALYSIS_PORT", db);
  }

  @AfterAll
  static void stop() {
    if (analysis != null) {
      analysis.close();
    }
    if (experiment != null) {
      experiment.close();
    }
  }

  private static io.s2l.generated.experiment.ApiClient experimentClient(String key) {
    io.s2l.generated.experiment.ApiClient client = new io.s2l.generated.experiment.ApiClient();
    client.updateBaseUri(experiment.url());
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + key));
    return client;
  }

  private static io.s2l.generated.analysis.ApiClient analysisClient(String key) {
    io.s2l.generated.analysis.ApiClient client = new io.s2l.generated.analysis.ApiClient();
    client.updateBaseUri(analysis.url());
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + key));
    return client;
  }

  @Test
  void aGeneratedClientReadsARealStudysResultsThroughItsTypedClasses() throws Exception {
    // experiment service: a submit key for a new owner, made and listed by the generated client
    KeysApi keys = new KeysApi(experimentClient(TestKeys.ADMIN));
    CreatedKey created =
        keys.create(
            new KeyRequest()
                .owner("generated-client")
                .name("upload")
                .role(KeyRequest.RoleEnum.SUBMIT));
    assertThat(created.getSecret()).startsWith("s2l_");
    assertThat(created.getKey().getRole()).isEqualTo(ApiKey.RoleEnum.SUBMIT);
    List<ApiKey> listed = keys.apiKeyList(0, 100).getItems();
    assertThat(listed)
        .anySatisfy(
            k -> {
              assertThat(k.getId()).isEqualTo(created.getKey().getId());
              assertThat(k.getOwner()).isEqualTo("generated-client");
            });
    String key = created.getSecret();

    // analysis service: the example results uploaded as the generated JSON import body
    List<String[]> rows = ResultsCsv.rows(EXAMPLE);
    // the reference is the largest model of the file
    String reference =
        rows.stream().max(Comparator.comparingLong(r -> Long.parseLong(r[1]))).orElseThrow()[0];
    io.s2l.generated.analysis.ApiClient client = analysisClient(key);
    ImportReceipt receipt =
        new ImportsApi(client)
            .upload(
                ResultsCsv.document(rows), reference, "results-example", null, null, null, null);
    UUID id = receipt.getId();
    assertThat(receipt.getRows()).isEqualTo((long) rows.size());
    assertThat(receipt.getReferenceScale()).isEqualTo(reference);
    Set<String> scales = distinct(rows, r -> r[0]);
    Set<String> evalSets = distinct(rows, r -> r[5]);
    assertThat(receipt.getScales()).containsExactlyInAnyOrderElementsOf(scales);
    assertThat(receipt.getEvalSets()).containsExactlyInAnyOrderElementsOf(evalSets);

    io.s2l.generated.analysis.model.ScaleCorrelationResult generated =
        awaitAnalysis(new ScaleCorrelationApi(client), id);
    assertThat(generated.getStudyId()).isEqualTo(id);
    assertThat(generated.getReferenceScale()).isEqualTo(receipt.getReferenceScale());
    // every proxy scale against the reference, on every evaluation set
    assertThat(generated.getEntries()).hasSize((scales.size() - 1) * evalSets.size());
    for (CorrelationEntry e : generated.getEntries()) {
      assertThat(scales).contains(e.getProxyScale());
      assertThat(e.getProxyScale()).isNotEqualTo(receipt.getReferenceScale());
      assertThat(evalSets).contains(e.getEvalSet());
      assertThat(e.getR2()).isBetween(0.0, 1.0);
      assertThat(e.getPearsonR()).isBetween(-1.0, 1.0);
      assertThat(e.getDistributions()).isEqualTo(distinct(rows, r -> r[3]).size());
    }

    // the hand-written client reads the same numbers into api-model's records
    S2lClient handWritten = new S2lClient(experiment.url(), analysis.url(), key);
    ScaleCorrelationResult expected = handWritten.scaleCorrelation(id);
    assertThat(generated.getVersion()).isEqualTo(expected.version());
    assertThat(generated.getEntries()).hasSameSizeAs(expected.entries());
    for (int i = 0; i < expected.entries().size(); i++) {
      io.s2l.api.correlation.CorrelationEntry want = expected.entries().get(i);
      CorrelationEntry got = generated.getEntries().get(i);
      assertThat(got.getProxyScale()).isEqualTo(want.proxyScale());
      assertThat(got.getReferenceScale()).isEqualTo(want.referenceScale());
      assertThat(got.getEvalSet()).isEqualTo(want.evalSet());
      assertThat(got.getPearsonR()).isEqualTo(want.pearsonR());
      assertThat(got.getR2()).isEqualTo(want.r2());
      assertThat(got.getSpearman()).isEqualTo(want.spearman());
      assertThat(got.getComputeRatio()).isEqualTo(want.computeRatio());
    }

    // the runs: one per (scale, distribution, seed) of the file
    PageViewRunView runs = new RunsApi(client).runs(id, 0, 100);
    assertThat(runs.getTotal())
        .isEqualTo((long) distinct(rows, r -> r[0] + "/" + r[3] + "/" + r[4]).size());
    assertThat(runs.getItems()).hasSize(runs.getTotal().intValue());
    assertThat(runs.getItems().stream().map(r -> r.getScale() + "/" + r.getSeed()).toList())
        .isEqualTo(handWritten.runs(id).stream().map(r -> r.scale() + "/" + r.seed()).toList());
  }

  /**
   * An import's callbacks across both real services: the analysis service queues its events, the
   * experiment service posts them, signed with the key's callback secret, to a receiver on loopback
   * and lists them as the import's deliveries.
   */
  @Test
  void anImportsStatusChangesReachItsCallbackSignedAndAreListedAsDeliveries() throws Exception {
    CreatedKey created =
        new KeysApi(experimentClient(TestKeys.ADMIN))
            .create(
                new KeyRequest()
                    .owner("import-callbacks")
                    .name("hooks")
                    .role(KeyRequest.RoleEnum.SUBMIT));
    String key = created.getSecret();
    String secret =
        new KeysApi(experimentClient(key))
            .issueCallbackSecret(created.getKey().getId())
            .getSecret();
    List<String[]> received = new CopyOnWriteArrayList<>(); // timestamp, signature, body
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String[] {
                exchange.getRequestHeaders().getFirst("S2L-Timestamp"),
                exchange.getRequestHeaders().getFirst("S2L-Signature"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
              });
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      List<String[]> rows = ResultsCsv.rows(EXAMPLE);
      String reference =
          rows.stream().max(Comparator.comparingLong(r -> Long.parseLong(r[1]))).orElseThrow()[0];
      UUID id =
          new ImportsApi(analysisClient(key))
              .upload(
                  ResultsCsv.document(rows), reference, "hooked", null, null, null, List.of(hook))
              .getId();

      StudiesApi studies = new StudiesApi(experimentClient(key));
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      PageViewDelivery page = studies.deliveries(id, 0, 20);
      while (page.getItems().size() < 3
          || page.getItems().stream().anyMatch(d -> d.getDeliveredAt() == null)) {
        assertThat(Instant.now()).as("three delivered events of " + id).isBefore(deadline);
        Thread.sleep(200);
        page = studies.deliveries(id, 0, 20);
      }
      assertThat(page.getItems())
          .extracting(Delivery::getStatus)
          .containsExactlyInAnyOrder("QUEUED", "ANALYZING", "COMPLETED");
      assertThat(received).hasSize(3);
      ObjectMapper json = new ObjectMapper();
      for (String[] r : received) {
        assertThat(json.readTree(r[2]).get("studyId").asText()).isEqualTo(id.toString());
        assertThat(
                CallbackSignature.verify(
                    secret, r[0], r[2], r[1], Duration.ofMinutes(5), Clock.systemUTC()))
            .as(r[2])
            .isTrue();
      }
    } finally {
      receiver.stop(0);
    }
  }

  private static io.s2l.generated.analysis.model.ScaleCorrelationResult awaitAnalysis(
      ScaleCorrelationApi api, UUID id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      try {
        return api.analysisGet(id, null);
      } catch (io.s2l.generated.analysis.ApiException e) {
        // 404 "No analysis" until the queued analysis job has stored its result
        if (e.getCode() != 404 || Instant.now().isAfter(deadline)) {
          throw e;
        }
      }
      Thread.sleep(200);
    }
  }

  private static Set<String> distinct(
      List<String[]> rows, java.util.function.Function<String[], String> key) {
    return rows.stream().map(key).collect(Collectors.toSet());
  }
}
