package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.s2l.access.ApiKeys;
import io.s2l.access.IssuedKey;
import io.s2l.access.NewApiKey;
import io.s2l.access.Role;
import io.s2l.access.StudyOwners;
import io.s2l.analysis.imports.AnswerScoreColumns;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import io.s2l.testsupport.web.AdminKeyClient;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Results trained elsewhere, imported over HTTP, analysed by the queued job, served and plotted.
 */
@Import(AdminKeyClient.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"s2l.queue.idle-poll=100ms", "s2l.analysis.max-import-size=1MB"})
class ImportAnalysisIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Autowired ApiKeys keys;
  @Autowired StudyOwners owners;
  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;

  private ResponseEntity<JsonNode> upload(String body, String type, String reference) {
    return upload(body, type, reference, null);
  }

  private ResponseEntity<JsonNode> upload(String body, String type, String reference, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(type));
    if (key != null) {
      headers.setBearerAuth(key);
    }
    return http.postForEntity(
        "/api/v1/imports?reference=" + reference, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private JsonNode awaitAnalysis(String id, int version) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      ResponseEntity<JsonNode> r =
          http.getForEntity(
              "/api/v1/studies/" + id + "/scale-correlation?version=" + version, JsonNode.class);
      if (r.getStatusCode() == HttpStatus.OK) {
        return r.getBody();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no analysis version " + version + " of " + id);
  }

  @Test
  void anImportWithAnswerScoresComparesTheProxyMetrics() throws Exception {
    String csv = AnswerScoreColumns.add(TestTables.CSV);
    ResponseEntity<JsonNode> accepted = upload(csv, "text/csv", "l");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    JsonNode decisions =
        awaitAnalysis(accepted.getBody().get("id").asText(), 1).get("metricDecisions");

    // the text set carries no scores; the quiz set all six metrics against reference accuracy
    assertThat(decisions).hasSize(1);
    assertThat(decisions.at("/0/proxyScale").asText()).isEqualTo("xs");
    assertThat(decisions.at("/0/evalSet").asText()).isEqualTo("quiz");
    assertThat(decisions.at("/0/target").asText()).isEqualTo("referenceAccuracy");
    assertThat(decisions.at("/0/decisionAccuracy").fieldNames())
        .toIterable()
        .containsExactly(
            "loss", "bitsPerByte", "correctProb", "normCorrectProb", "margin", "accuracy");
    // The reference chooses right only on d0 (quiz loss below 2.75), so its accuracy ranks d0
    // first and ties the rest. The proxy's loss is the reference's plus one: its accuracy is 0
    // everywhere (a tie on every pair, DA 0), while its continuous metrics all put d0 first.
    JsonNode da = decisions.at("/0/decisionAccuracy");
    for (String metric :
        List.of("loss", "bitsPerByte", "correctProb", "normCorrectProb", "margin")) {
      assertThat(da.get(metric).asDouble()).as(metric).isEqualTo(1.0);
    }
    assertThat(da.get("accuracy").asDouble()).isEqualTo(0.0);
    assertThat(decisions.at("/0/bestMetric").asText()).isEqualTo("loss");
  }

  @Test
  void anImportedCsvIsAnalysedWithIntervalsPerExampleAccuracySeedNoiseAndARecommendation()
      throws Exception {
    ResponseEntity<JsonNode> accepted = upload(TestTables.CSV, "text/csv", "l");

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = accepted.getBody().get("id").asText();
    assertThat(accepted.getHeaders().getLocation())
        .hasToString("/api/v1/studies/" + id + "/scale-correlation");
    assertThat(accepted.getBody().get("rows").asLong()).isEqualTo(160);
    assertThat(accepted.getBody().get("sha256").asText()).hasSize(64);

    JsonNode analysis = awaitAnalysis(id, 1);
    assertThat(analysis.get("entries")).hasSize(2);
    JsonNode text = analysis.get("entries").get(0);
    assertThat(text.get("evalSet").asText()).isEqualTo("text");
    assertThat(text.get("distributions").asInt()).isEqualTo(4);
    // the table is built so that proxy loss = reference loss + 1 for every distribution
    assertThat(text.get("pearsonR").asDouble())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(text.get("ci95").fieldNames())
        .toIterable()
        .containsExactly(
            "pearsonR", "r2", "slope", "intercept", "spearman", "kendall", "decisionAccuracy");
    assertThat(text.get("computeRatio").asDouble())
        .isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(text.get("perExample").get("examples").asInt()).isEqualTo(5);
    assertThat(text.get("seedNoise").get("proxyNoise").asDouble()).isPositive();
    assertThat(text.has("proxyAccuracy")).isFalse();
    JsonNode quiz = analysis.get("entries").get(1);
    assertThat(quiz.get("chance").asDouble()).isEqualTo(0.25);
    assertThat(quiz.get("proxyAccuracy").asDouble()).isEqualTo(0.5);
    assertThat(analysis.get("recommendation").get("metric").asText()).isEqualTo("decisionAccuracy");
    assertThat(analysis.get("recommendation").has("frontier")).isTrue();
    // 4 distributions are fewer than the default minimum of 6: no recommendation, and why.
    assertThat(analysis.at("/options/minDistributions").asInt()).isEqualTo(6);
    assertThat(analysis.at("/recommendation/recommendedScale").isNull()).isTrue();
    assertThat(analysis.at("/recommendation/reason").asText())
        .startsWith("the study has K = 4 distributions, fewer than the minimum of 6");
    assertThat(text.at("/perExample/signedMean").isNumber()).isTrue();
    // K = 4: every one of the 4! re-pairings is counted.
    assertThat(text.at("/permutation/method").asText()).isEqualTo("exact");
    assertThat(text.at("/permutation/permutations").asLong()).isEqualTo(24);
    assertThat(text.at("/permutation/decisionAccuracy").asDouble()).isBetween(1.0 / 24, 1.0);
    assertThat(text.at("/droppedResamples/decisionAccuracy").asInt()).isBetween(0, 1000);
    // two seeds: a noise ceiling per evaluation set, the share of it each entry reaches, the
    // signal-to-noise ratios; and the null level of per-example R^2 at K = 4
    assertThat(analysis.get("noiseCeiling")).hasSize(2);
    assertThat(analysis.at("/noiseCeiling/0/evalSet").asText()).isEqualTo("text");
    assertThat(analysis.at("/noiseCeiling/0/halfSeeds").asInt()).isEqualTo(1);
    assertThat(text.has("fractionOfCeiling")).isTrue();
    assertThat(text.at("/seedNoise").has("referenceSnr")).isTrue();
    assertThat(text.at("/perExample/nullMeanR2").asDouble()).isEqualTo(1.0 / 3);

    JsonNode runs = http.getForObject("/api/v1/studies/" + id + "/runs", JsonNode.class);
    assertThat(runs.get("total").asInt()).isEqualTo(2 * 4 * 2);
    assertThat(runs.get("items")).hasSize(2 * 4 * 2);
    assertThat(runs.at("/items/0/flops").asDouble()).isEqualTo(6.0 * 100 * 2000);
    // pages partition the runs in the same order
    JsonNode second =
        http.getForObject("/api/v1/studies/" + id + "/runs?page=1&size=5", JsonNode.class);
    assertThat(second.get("items")).hasSize(5);
    assertThat(second.at("/items/0")).isEqualTo(runs.at("/items/5"));
    assertThat(
            http.getForEntity("/api/v1/studies/" + id + "/runs?size=101", JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    for (String plot :
        new String[] {
          analysis.at("/plots/r2VsCompute").asText(),
          analysis.at("/plots/decisionAccuracyVsCompute").asText(),
          analysis.at("/plots/accuracyVsCorrelation").asText(),
          quiz.at("/plots/scatter").asText(),
          quiz.at("/plots/perExampleR2").asText()
        }) {
      ResponseEntity<String> svg = http.getForEntity(plot, String.class);
      assertThat(svg.getStatusCode()).as(plot).isEqualTo(HttpStatus.OK);
      assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
      assertThat(svg.getBody()).contains("<svg");
    }

    // A re-run with another metric becomes version 2; version 1 is kept.
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> rerun =
        http.postForEntity(
            "/api/v1/studies/" + id + "/analyses",
            new HttpEntity<>(
                "{\"metric\": \"r2\", \"threshold\": 0.5, \"minDistributions\": 4}", json),
            JsonNode.class);
    assertThat(rerun.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    JsonNode version2 = awaitAnalysis(id, 2);
    assertThat(version2.get("recommendation").get("metric").asText()).isEqualTo("r2");
    assertThat(version2.at("/options/minDistributions").asInt()).isEqualTo(4);
    assertThat(version2.at("/recommendation/reason").asText()).doesNotContain("fewer than");
    JsonNode versions = http.getForObject("/api/v1/studies/" + id + "/analyses", JsonNode.class);
    assertThat(versions.get("total").asInt()).isEqualTo(2);
    assertThat(versions.at("/items/0/version").asInt()).isEqualTo(2);
    assertThat(
            http.getForObject("/api/v1/studies/" + id + "/analyses?page=1&size=1", JsonNode.class)
                .at("/items/0/version")
                .asInt())
        .isEqualTo(1);
    assertThat(awaitAnalysis(id, 1).get("recommendation").get("metric").asText())
        .isEqualTo("decisionAccuracy");
  }

  @Test
  void anImportChoosesItsRecommendationInTheQuery() throws Exception {
    ResponseEntity<JsonNode> accepted =
        upload(TestTables.CSV, "text/csv", "l&metric=r2&threshold=0.5&minDistributions=4");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    JsonNode analysis = awaitAnalysis(accepted.getBody().get("id").asText(), 1);
    assertThat(analysis.at("/options/metric").asText()).isEqualTo("r2");
    assertThat(analysis.at("/options/threshold").asDouble()).isEqualTo(0.5);
    assertThat(analysis.at("/options/minDistributions").asInt()).isEqualTo(4);
    assertThat(analysis.at("/recommendation/reason").asText()).doesNotContain("fewer than");
  }

  @Test
  void anImportIsVisibleToItsOwnersKeysAndAdminsOnlyAndNeedsTheSubmitRole() {
    String aSubmit = keys.create(new NewApiKey("team-a", "a", Role.SUBMIT, null, null)).secret();
    String aRead = keys.create(new NewApiKey("team-a", "a2", Role.READ, null, null)).secret();
    String bRead = keys.create(new NewApiKey("team-b", "b", Role.READ, null, null)).secret();

    assertThat(upload(TestTables.CSV, "text/csv", "l", aRead).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> accepted = upload(TestTables.CSV, "text/csv", "l", aSubmit);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String runs = "/api/v1/studies/" + accepted.getBody().get("id").asText() + "/runs";

    assertThat(getAs(runs, aRead)).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity(runs, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(getAs(runs, bRead)).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(getAs(runs.replace("/runs", "/scale-correlation"), bRead))
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void importsAndReRunsCountAgainstTheDailyJobQuota() throws Exception {
    String key = keys.create(new NewApiKey("team-q", "q", Role.SUBMIT, null, 1)).secret();
    ResponseEntity<JsonNode> accepted = upload(TestTables.CSV, "text/csv", "l", key);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(upload(TestTables.CSV, "text/csv", "l", key).getStatusCode())
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    awaitAnalysis(accepted.getBody().get("id").asText(), 1);
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(key);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> rerun =
        http.postForEntity(
            "/api/v1/studies/" + accepted.getBody().get("id").asText() + "/analyses",
            new HttpEntity<>("{}", headers),
            JsonNode.class);
    assertThat(rerun.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(rerun.getBody().get("quota").asText()).isEqualTo("maxJobsPerDay");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM access.study_owner WHERE owner = 'team-q'", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void anImportCountsAsAnActiveStudyBesideTheKeysStudiesInTraining() throws Exception {
    IssuedKey issued = keys.create(new NewApiKey("team-a1", "a", Role.SUBMIT, 1, null));
    String secret = issued.secret();
    // a study of the experiment service whose training is queued, submitted with the key
    UUID study = UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, List.of(new NewJob(study, JobKinds.TRAIN, "xs/lit/0", "{}", 3)));
    }
    owners.record(study, issued.key(), Instant.now());
    ResponseEntity<JsonNode> refused = upload(TestTables.CSV, "text/csv", "l", secret);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getBody().get("quota").asText()).isEqualTo("maxActiveStudies");
    try (Connection c = dataSource.getConnection()) {
      queue.cancel(c, study);
    }
    // the study is over: the import takes its place, and holds it until its analysis is done
    ResponseEntity<JsonNode> accepted = upload(TestTables.CSV, "text/csv", "l", secret);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitAnalysis(accepted.getBody().get("id").asText(), 1);
    assertThat(upload(TestTables.CSV, "text/csv", "l", secret).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
  }

  private HttpStatusCode getAs(String path, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(key);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
        .getStatusCode();
  }

  @Test
  void aRefusedImportNamesRowAndColumnAndStoresNothing() {
    Integer before =
        jdbc.queryForObject("SELECT count(*) FROM analysis.imported_study", Integer.class);
    String bad =
        TestTables.CSV.replaceFirst(
            "\nxs,100,2000,d0,0,text,t0,[^\\n]*", "\nxs,100,2000,d0,0,text,t0,lots,,");

    ResponseEntity<JsonNode> refused = upload(bad, "text/csv", "l");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    JsonNode error = refused.getBody().get("errors").get(0);
    assertThat(error.get("row").asLong()).isEqualTo(1);
    assertThat(error.get("column").asText()).isEqualTo("loss");
    assertThat(error.get("reason").asText()).isEqualTo("must be a number, not 'lots'");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis.imported_study", Integer.class))
        .isEqualTo(before);
  }

  @Test
  void anUploadOverTheLimitIs413() {
    String huge = TestTables.CSV + "x".repeat(1_200_000);
    assertThat(upload(huge, "text/csv", "l").getStatusCode())
        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Test
  void anUnknownStudyHasNoAnalysis() {
    ResponseEntity<JsonNode> r =
        http.getForEntity(
            "/api/v1/studies/" + UUID.randomUUID() + "/scale-correlation", JsonNode.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(r.getBody().get("title").asText()).isEqualTo("No analysis");
  }
}
