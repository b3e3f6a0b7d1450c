package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.ExampleImage;
import io.s2l.api.attribution.ScaleLds;
import io.s2l.api.attribution.SelectionCandidate;
import io.s2l.api.attribution.TargetDocuments;
import io.s2l.api.attribution.TargetExamples;
import io.s2l.api.correlation.CorrelationEntry;
import io.s2l.api.mixture.MixtureRecommendation;
import io.s2l.api.mixture.RecommendedMixture;
import io.s2l.api.mixture.VerifiedMixture;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.selection.VerifiedSelection;
import io.s2l.client.S2lClient;
import io.s2l.launcher.demo.DemoReport;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
          assertThat(result.study().status()).isEqualTo("COMPLETED");
          assertThat(result.runs()).hasSize(6);
          // every (scale, distribution, seed) trained exactly once
          List<String> keys = new ArrayList<>();
          result.runs().forEach(r -> keys.add(r.scale() + "/" + r.distribution() + "/" + r.seed()));
          assertThat(keys).doesNotHaveDuplicates().hasSize(6);
          List<CorrelationEntry> entries = result.scaleCorrelation().entries();
          assertThat(entries).hasSize(2); // one proxy x two evaluation sets
          for (CorrelationEntry e : entries) {
            assertThat(e.proxyScale()).isEqualTo("tiny");
            assertThat(e.referenceScale()).isEqualTo("small");
            assertThat(e.distributions()).isEqualTo(3);
            assertThat(e.pearsonR()).isBetween(-1.0, 1.0);
            assertThat(e.r2())
                .isCloseTo(Math.pow(e.pearsonR(), 2), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.computeRatio()).isGreaterThan(1.0);
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
          assertThat(result.study().status()).isEqualTo("COMPLETED");
          assertThat(result.scaleCorrelation()).isNull();
          // 2 scales x 2 pool models + 10 subsets x 1 seed at the reference
          assertThat(result.runs()).hasSize(14);
          AttributionResult attribution = result.attribution();
          assertThat(attribution.pool()).isEqualTo(1397);
          assertThat(attribution.targets()).isEqualTo(30);
          assertThat(attribution.groundTruth().subsets()).isEqualTo(10);
          List<ScaleLds> lds = attribution.lds();
          assertThat(lds).hasSize(2);
          for (ScaleLds e : lds) {
            double value = e.lds();
            assertThat(value).isBetween(-1.0, 1.0);
            assertThat(e.ci95().get(0)).isLessThanOrEqualTo(value);
            assertThat(e.ci95().get(1)).isGreaterThanOrEqualTo(value);
          }
          assertThat(lds.get(0).computeRatio()).isGreaterThan(1.0);
          assertThat(lds.get(1).computeRatio()).isEqualTo(1.0);
          assertThat(lds.get(1).orderSimilarityToReference())
              .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
          assertThat(attribution.lasso().scoredOnSubsets()).isEqualTo(5);

          UUID id = result.study().id();
          // the client expects 200 and fails otherwise
          TargetExamples examples = client.attributionTarget(id, 3, "w4", 5);
          assertThat(examples.helpful()).hasSize(5);
          assertThat(examples.harmful()).hasSize(5);
          double previous = Double.POSITIVE_INFINITY;
          for (ExampleImage e : examples.helpful()) {
            assertThat(e.score().doubleValue()).isLessThanOrEqualTo(previous);
            assertThat(e.pixels()).hasSize(64);
            previous = e.score();
          }
          assertThat(examples.helpful().get(0).score() >= examples.harmful().get(0).score())
              .isTrue();
          assertThat(client.plots().attributionLds(id)).startsWith("<svg");

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
          assertThat(result.study().status()).isEqualTo("COMPLETED");
          // 2 scales x 2 pool models, then the reference on 2 DsDm selections, 1 similarity and 2
          // random draws
          assertThat(result.runs()).hasSize(9);
          assertThat(result.study().progress().jobsTotal()).isEqualTo(9);
          AttributionResult attribution = result.attribution();
          assertThat(attribution.groundTruth()).isNull();
          List<SelectionCandidate> candidates = attribution.selection().candidates();
          assertThat(candidates).hasSize(5);
          for (SelectionCandidate c : candidates) {
            assertThat(c.examples()).hasSize(100);
          }
          SelectionResult selection = result.selection();
          assertThat(selection.random().draws()).isEqualTo(2);
          List<VerifiedSelection> entries = selection.entries();
          assertThat(entries).hasSize(3); // DsDm at w4 and w16, similarity
          for (VerifiedSelection e : entries) {
            double gain = e.gainOverRandom();
            assertThat(gain)
                .isCloseTo(
                    e.randomLoss() - e.verifiedLoss(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.ci95().get(0)).isLessThanOrEqualTo(gain);
            assertThat(e.ci95().get(1)).isGreaterThanOrEqualTo(gain);
          }
          assertThat(client.plots().selectionGain(result.study().id())).startsWith("<svg");
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
  void aTinyLanguageModelStudyAttributesSelectsAndVerifiesAtEverySize() throws Exception {
    runStudy(
        "/tiny-lm-attribution.json",
        "e2e-lm-attribution-logs",
        new ByteArrayOutputStream(),
        (platform, client, result) -> {
          assertThat(result.study().status()).isEqualTo("COMPLETED");
          // 2 pool models and 6 subset models; then per size 2 DsDm, 1 similarity, 1 random
          assertThat(result.runs()).hasSize(2 + 6 + 2 * 4);
          AttributionResult attribution = result.attribution();
          assertThat(attribution.pool()).isEqualTo(60);
          assertThat(attribution.targetSet()).isEqualTo("grammar");
          assertThat(attribution.groundTruth().subsets()).isEqualTo(6);
          for (ScaleLds e : attribution.lds()) {
            assertThat(e.checkpoints()).isEqualTo(2);
            assertThat(e.lds()).isBetween(-1.0, 1.0);
            assertThat(e.pairedDifference()).isNotNull();
          }
          ScaleLds reference = attribution.lds().get(1);
          assertThat(reference.pairedDifference()).isZero();
          // grammar is multiple choice: targets' outputs are choice log-odds, written by the
          // evaluation of every subset model and read back as the ground truth
          assertThat(attribution.topDocuments()).hasSize(2 * Math.min(3, attribution.targets()));
          TargetDocuments first = attribution.topDocuments().get(0);
          assertThat(first.helpful()).hasSize(3);
          assertThat(first.harmful()).hasSize(3);
          assertThat(first.helpful().get(0).score())
              .isGreaterThanOrEqualTo(first.helpful().get(2).score());
          assertThat(first.helpful().get(0).excerpt()).isNotBlank().hasSizeLessThanOrEqualTo(200);
          TargetExamples served = client.attributionTarget(result.study().id(), 0, "xxs", 4);
          assertThat(served.documents().helpful()).hasSize(4);
          assertThat(served.target()).isNull();
          List<SelectionCandidate> candidates = attribution.selection().candidates();
          assertThat(candidates)
              .extracting(SelectionCandidate::name)
              .contains("dsdm-xxs-n10", "similarity-n20", "random-n20-0");
          for (SelectionCandidate c : candidates) {
            assertThat(c.examples()).hasSize(c.size());
          }
          SelectionResult selection = result.selection();
          assertThat(selection.sizes()).containsExactly(10, 20);
          assertThat(selection.randomBySize()).hasSize(2);
          assertThat(selection.entries()).hasSize(2 * 3);
          for (VerifiedSelection e : selection.entries()) {
            assertThat(e.gainOverRandom())
                .isCloseTo(
                    e.randomLoss() - e.verifiedLoss(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.ci95().get(0)).isLessThanOrEqualTo(e.gainOverRandom());
            assertThat(e.ci95().get(1)).isGreaterThanOrEqualTo(e.gainOverRandom());
            assertThat(e.verifiedAccuracy()).isBetween(0.0, 1.0);
          }
          assertThat(client.plots().selectionGain(result.study().id()))
              .startsWith("<svg")
              .contains("selection size");
          ObjectNode report = DemoReport.build("lm-selection", result, Duration.ofSeconds(1));
          assertThat(report.at("/attribution/lds/0/pairedCi95").isArray()).isTrue();
          assertThat(report.at("/selection/0/size").asInt()).isIn(10, 20);
        });
  }

  @Test
  void aTinyMixtureStudyRecommendsMixturesAndVerifiesThemAtTheReference() throws Exception {
    runStudy(
        "/tiny-mixture.json",
        "e2e-mixture-logs",
        new ByteArrayOutputStream(),
        (platform, client, result) -> {
          assertThat(result.study().status()).isEqualTo("COMPLETED");
          assertThat(result.scaleCorrelation()).isNull();
          // 8 proxy mixtures at "tiny"; the reference on 2 recommendations and 2 random mixtures
          assertThat(result.runs()).hasSize(12);
          assertThat(result.study().progress().jobsTotal()).isEqualTo(12);
          MixtureRecommendation recommendation =
              client.mixture(result.study().id()).recommendation();
          assertThat(recommendation.recommendations()).hasSize(2);
          for (RecommendedMixture r : recommendation.recommendations()) {
            double sum = 0;
            for (double w : r.weights().values()) {
              sum += w;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.proxyRuns()).isEqualTo(8);
            // every domain varied across the 8 Dirichlet mixtures; 8 runs bound no interval
            assertThat(r.support()).containsExactlyElementsOf(recommendation.domains());
            assertThat(r.predictionInterval()).isNull();
          }
          assertThat(recommendation.topK()).isEqualTo(100);
          // one seed: the random mixtures and the examples are resampled
          assertThat(result.mixture().resampled()).containsExactly("randomDraws", "examples");
          List<VerifiedMixture> entries = result.mixture().entries();
          assertThat(entries).hasSize(2);
          for (VerifiedMixture e : entries) {
            double gain = e.gainOverRandom();
            assertThat(gain)
                .isCloseTo(
                    e.randomLoss() - e.verifiedLoss(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.ci95().get(0)).isLessThanOrEqualTo(gain);
            assertThat(e.ci95().get(1)).isGreaterThanOrEqualTo(gain);
            assertThat(e.computeRatio()).isGreaterThan(1.0);
          }
          ObjectNode report = DemoReport.build("mixture", result, Duration.ofSeconds(1));
          assertThat(report.at("/selection/0/method").asText()).startsWith("mixture-");
        });
  }

  /** What a test checks while the platform that ran its study is still up. */
  private interface Check {
    void run(Platform platform, S2lClient client, DemoResult result) throws Exception;
  }

  /** Runs the study in a test resource on a fresh platform and checks it while that is up. */
  private void runStudy(String resource, String logs, ByteArrayOutputStream progress, Check check)
      throws Exception {
    try (RunningPlatform running = new RunningPlatform(logs)) {
      DemoResult result = running.run(RunningPlatform.resource(resource), progress);
      check.run(running.platform(), running.client(), result);
    }
  }
}
