package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.launcher.demo.DemoReport;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.DemoRun;
import io.s2l.launcher.demo.ProgressBar;
import io.s2l.launcher.demo.StudyClient;
import io.s2l.launcher.platform.Database;
import io.s2l.launcher.platform.Platform;
import io.s2l.launcher.platform.PlatformSettings;
import io.s2l.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A tiny study through everything: the three services and two workers as separate processes, the
 * queue in a real PostgreSQL, real DJL training, and the analysis at the end.
 */
class EndToEndIT {

  @Test
  void aTinyStudyRunsThroughAllServicesAndTheQueue() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    runStudy(
        "/tiny-study.json",
        "e2e-logs",
        progress,
        (platform, client, result) -> {
          assertThat(result.study().get("status").asText()).isEqualTo("COMPLETED");
          assertThat(result.runs()).hasSize(6);
          // every (scale, distribution, seed) trained exactly once
          List<String> keys = new ArrayList<>();
          result
              .runs()
              .forEach(
                  r ->
                      keys.add(
                          r.get("scale").asText()
                              + "/"
                              + r.get("distribution").asText()
                              + "/"
                              + r.get("seed").asText()));
          assertThat(keys).doesNotHaveDuplicates().hasSize(6);
          JsonNode entries = result.scaleCorrelation().get("entries");
          assertThat(entries).hasSize(2); // one proxy x two evaluation sets
          for (JsonNode e : entries) {
            assertThat(e.get("proxyScale").asText()).isEqualTo("tiny");
            assertThat(e.get("referenceScale").asText()).isEqualTo("small");
            assertThat(e.get("distributions").asInt()).isEqualTo(3);
            assertThat(e.get("pearsonR").asDouble()).isBetween(-1.0, 1.0);
            assertThat(e.get("r2").asDouble())
                .isCloseTo(
                    Math.pow(e.get("pearsonR").asDouble(), 2),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.get("computeRatio").asDouble()).isGreaterThan(1.0);
          }
          ObjectNode report = DemoReport.build("tiny", result, Duration.ofSeconds(1));
          Path file = Path.of("target", "e2e-report.json");
          DemoReport.write(report, file);
          JsonNode written =
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file));
          for (String field :
              new String[] {
                "proxyScale",
                "referenceScale",
                "evalSet",
                "distributions",
                "pearsonR",
                "r2",
                "spearman",
                "proxyParams",
                "referenceParams",
                "computeRatio"
              }) {
            assertThat(written.at("/scaleCorrelation/0").has(field)).as(field).isTrue();
          }
        });
    assertThat(progress.toString()).contains("COMPLETED");
  }

  @Test
  void aTinyAttributionStudyTrainsFeaturisesAndScores() throws Exception {
    runStudy(
        "/tiny-attribution.json",
        "e2e-attribution-logs",
        new ByteArrayOutputStream(),
        (platform, client, result) -> {
          assertThat(result.study().get("status").asText()).isEqualTo("COMPLETED");
          assertThat(result.scaleCorrelation()).isNull();
          // 2 scales x 2 pool models + 10 subsets x 1 seed at the reference
          assertThat(result.runs()).hasSize(14);
          JsonNode attribution = result.attribution();
          assertThat(attribution.get("pool").asInt()).isEqualTo(1397);
          assertThat(attribution.get("targets").asInt()).isEqualTo(30);
          assertThat(attribution.get("groundTruth").get("subsets").asInt()).isEqualTo(10);
          JsonNode lds = attribution.get("lds");
          assertThat(lds).hasSize(2);
          for (JsonNode e : lds) {
            double value = e.get("lds").asDouble();
            assertThat(value).isBetween(-1.0, 1.0);
            assertThat(e.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(value);
            assertThat(e.get("ci95").get(1).asDouble()).isGreaterThanOrEqualTo(value);
          }
          assertThat(lds.get(0).get("computeRatio").asDouble()).isGreaterThan(1.0);
          assertThat(lds.get(1).get("computeRatio").asDouble()).isEqualTo(1.0);
          assertThat(lds.get(1).get("orderSimilarityToReference").asDouble())
              .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
          assertThat(attribution.get("lasso").get("scoredOnSubsets").asInt()).isEqualTo(5);

          String id = result.study().get("id").asText();
          java.net.http.HttpResponse<String> top =
              java.net.http.HttpClient.newHttpClient()
                  .send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(
                                  platform.analysisUrl()
                                      + "/api/v1/studies/"
                                      + id
                                      + "/attribution/targets/3?scale=w4&count=5"))
                          .header("Authorization", "Bearer " + platform.adminKey())
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString());
          assertThat(top.statusCode()).isEqualTo(200);
          JsonNode examples =
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(top.body());
          assertThat(examples.get("helpful")).hasSize(5);
          assertThat(examples.get("harmful")).hasSize(5);
          double previous = Double.POSITIVE_INFINITY;
          for (JsonNode e : examples.get("helpful")) {
            assertThat(e.get("score").asDouble()).isLessThanOrEqualTo(previous);
            assertThat(e.get("pixels")).hasSize(64);
            previous = e.get("score").asDouble();
          }
          assertThat(
                  examples.get("helpful").get(0).get("score").asDouble()
                      >= examples.get("harmful").get(0).get("score").asDouble())
              .isTrue();
          assertThat(client.plot("/api/v1/studies/" + id + "/attribution/lds.svg"))
              .startsWith("<svg");

          ObjectNode report = DemoReport.build("attribution", result, Duration.ofSeconds(1));
          for (String field : new String[] {"scale", "lds", "ci95", "computeRatio"}) {
            assertThat(report.at("/attribution/lds/0").has(field)).as(field).isTrue();
          }
          assertThat(report.get("scaleCorrelation")).isNull();
        });
  }

  @Test
  void aTinySelectionStudyChoosesDataAndVerifiesItAtTheReference() throws Exception {
    runStudy(
        "/tiny-selection.json",
        "e2e-selection-logs",
        new ByteArrayOutputStream(),
        (platform, client, result) -> {
          assertThat(result.study().get("status").asText()).isEqualTo("COMPLETED");
          // 2 scales x 2 pool models, then the reference on 2 DsDm selections, 1 similarity and 2
          // random draws
          assertThat(result.runs()).hasSize(9);
          assertThat(result.study().get("progress").get("jobsTotal").asInt()).isEqualTo(9);
          JsonNode attribution = result.attribution();
          assertThat(attribution.get("groundTruth").isNull()).isTrue();
          JsonNode candidates = attribution.get("selection").get("candidates");
          assertThat(candidates).hasSize(5);
          for (JsonNode c : candidates) {
            assertThat(c.get("examples")).hasSize(100);
          }
          JsonNode selection = result.selection();
          assertThat(selection.get("random").get("draws").asInt()).isEqualTo(2);
          JsonNode entries = selection.get("entries");
          assertThat(entries).hasSize(3); // DsDm at w4 and w16, similarity
          for (JsonNode e : entries) {
            double gain = e.get("gainOverRandom").asDouble();
            assertThat(gain)
                .isCloseTo(
                    e.get("randomLoss").asDouble() - e.get("verifiedLoss").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(gain);
            assertThat(e.get("ci95").get(1).asDouble()).isGreaterThanOrEqualTo(gain);
          }
          assertThat(
                  client.plot(
                      "/api/v1/studies/"
                          + result.study().get("id").asText()
                          + "/selection/gain.svg"))
              .startsWith("<svg");
          ObjectNode report = DemoReport.build("selection", result, Duration.ofSeconds(1));
          for (String field :
              new String[] {
                "method",
                "proxyScale",
                "computeRatio",
                "predictedLoss",
                "verifiedLoss",
                "randomLoss",
                "gainOverRandom",
                "ci95"
              }) {
            assertThat(report.at("/selection/0").has(field)).as(field).isTrue();
          }
        });
  }

  @Test
  void aTinyMixtureStudyRecommendsMixturesAndVerifiesThemAtTheReference() throws Exception {
    runStudy(
        "/tiny-mixture.json",
        "e2e-mixture-logs",
        new ByteArrayOutputStream(),
        (platform, client, result) -> {
          assertThat(result.study().get("status").asText()).isEqualTo("COMPLETED");
          assertThat(result.scaleCorrelation()).isNull();
          // 8 proxy mixtures at "tiny"; the reference on 2 recommendations and 2 random mixtures
          assertThat(result.runs()).hasSize(12);
          assertThat(result.study().get("progress").get("jobsTotal").asInt()).isEqualTo(12);
          JsonNode recommendation =
              client.mixture(result.study().get("id").asText()).get("recommendation");
          assertThat(recommendation.get("recommendations")).hasSize(2);
          for (JsonNode r : recommendation.get("recommendations")) {
            double sum = 0;
            for (JsonNode w : r.get("weights")) {
              sum += w.asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.get("proxyRuns").asInt()).isEqualTo(8);
          }
          JsonNode entries = result.selection().get("entries");
          assertThat(entries).hasSize(2);
          for (JsonNode e : entries) {
            double gain = e.get("gainOverRandom").asDouble();
            assertThat(gain)
                .isCloseTo(
                    e.get("randomLoss").asDouble() - e.get("verifiedLoss").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(gain);
            assertThat(e.get("ci95").get(1).asDouble()).isGreaterThanOrEqualTo(gain);
            assertThat(e.get("computeRatio").asDouble()).isGreaterThan(1.0);
          }
          ObjectNode report = DemoReport.build("mixture", result, Duration.ofSeconds(1));
          assertThat(report.at("/selection/0/method").asText()).startsWith("mixture-");
        });
  }

  /** What a test checks while the platform that ran its study is still up. */
  private interface Check {
    void run(Platform platform, StudyClient client, DemoResult result) throws Exception;
  }

  /**
   * Starts the platform (a fresh database, two workers), runs the study in a test resource to
   * completion, hands it to {@code check} and stops everything.
   */
  private void runStudy(String resource, String logs, ByteArrayOutputStream progress, Check check)
      throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    PlatformSettings settings =
        new PlatformSettings(
            Path.of("..").toAbsolutePath().normalize(),
            new Database(db.url(), db.user(), db.password()),
            null,
            true,
            2,
            0,
            0,
            Path.of("target", logs));
    String definition =
        new String(Objects.requireNonNull(getClass().getResourceAsStream(resource)).readAllBytes());
    try (Platform platform = Platform.start(settings, s -> {})) {
      StudyClient client =
          new StudyClient(platform.experimentUrl(), platform.analysisUrl(), platform.adminKey());
      DemoResult result =
          new DemoRun(client, Clock.systemUTC())
              .run(
                  definition,
                  new ProgressBar(new PrintStream(progress), false),
                  () -> assertThat(platform.exitedProcesses()).isEmpty(),
                  Duration.ofMinutes(10));
      check.run(platform, client, result);
    }
  }
}
