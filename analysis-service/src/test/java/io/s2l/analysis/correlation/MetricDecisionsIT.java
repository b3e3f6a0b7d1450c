package io.s2l.analysis.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.attribution.TrainingTables;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.stats.metrics.AnswerScores;
import io.s2l.stats.metrics.MetricDecision;
import io.s2l.stats.metrics.MetricDecisions;
import io.s2l.stats.metrics.ProxyMetric;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A trained study's analysis, run by the queued job from the rows a trainer worker writes, carries
 * the decision accuracy of every proxy metric on its sets with answers, read through {@code
 * training.run_example_scores}. The data is planted: a distribution's quality q_k raises the
 * correct answer's log-likelihood, and the proxy sees it through more noise than the reference.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"s2l.queue.idle-poll=100ms"})
class MetricDecisionsIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TrainingTables.registerDatabase(registry);
  }

  private static final List<String> SCALES = List.of("s", "l");
  private static final List<String> DISTRIBUTIONS = List.of("a", "b", "c", "d", "e", "f");
  private static final List<Long> SEEDS = List.of(0L, 1L);
  private static final List<String> SETS = List.of("heldout/legal", "grammar", "quiz");

  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;

  @Test
  void theAnalysisCarriesEachMetricsDecisionAccuracyOnTheSetsWithAnswers() throws Exception {
    UUID study = UUID.randomUUID();
    TrainingTables tables = new TrainingTables(jdbc, json, Path.of("target"));
    Random r = new Random(11);
    Map<String, AnswerScores> scores = new HashMap<>();
    for (String scale : SCALES) {
      double noise = scale.equals("s") ? 0.6 : 0.2;
      for (int k = 0; k < DISTRIBUTIONS.size(); k++) {
        for (long seed : SEEDS) {
          TrainingJobSpec job =
              new TrainingJobSpec(
                  "builtin",
                  new ModelScale(scale, 16, 1, 2, 32),
                  new MixtureSpec(DISTRIBUTIONS.get(k), Map.of("legal", 1.0)),
                  seed,
                  1000.0,
                  SETS,
                  new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0));
          long run = tables.run(study, job, scale.equals("s") ? 1e9 : 1e11);
          double[] text = new double[8];
          java.util.Arrays.fill(text, 3.0 + 0.1 * k + r.nextDouble());
          tables.eval(run, "heldout/legal", text, null, null);
          double quality = 0.15 * k;
          for (String set : List.of("grammar", "quiz")) {
            boolean choices = set.equals("grammar");
            AnswerScores s = planted(r, choices ? 2 : 1, choices ? 40 : 30, quality, noise);
            scores.put(scale + "/" + DISTRIBUTIONS.get(k) + "/" + seed + "/" + set, s);
            double[] losses = new double[s.examples()];
            Boolean[] correct = choices ? new Boolean[s.examples()] : null;
            for (int i = 0, at = 0; i < s.examples(); at += s.choices()[i], i++) {
              int y = at + s.labels()[i];
              losses[i] = -s.logprobs()[y] / s.tokens()[y];
              if (correct != null) {
                correct[i] = s.logprobs()[y] > s.logprobs()[at + 1 - s.labels()[i]];
              }
            }
            tables.eval(run, set, losses, correct, null);
            tables.answers(run, set, choices ? 0.5 : null, s);
          }
        }
      }
    }
    AnalysisJobSpec spec =
        new AnalysisJobSpec(
            study,
            AnalysisJobSpec.SOURCE_TRAINING,
            "l",
            SCALES,
            DISTRIBUTIONS,
            SETS,
            SEEDS,
            null,
            null,
            null);
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(
                  study,
                  JobKinds.ANALYZE,
                  "analysis",
                  json.writeValueAsString(spec),
                  1,
                  false,
                  0)));
    }

    JsonNode decisions = awaitResult(study).get("metricDecisions");

    List<MetricDecision> expected =
        MetricDecisions.analyze(
            SCALES,
            DISTRIBUTIONS,
            SEEDS,
            SETS,
            "l",
            (scale, d, seed, set) -> scores.get(scale + "/" + d + "/" + seed + "/" + set));
    assertThat(decisions).hasSize(2); // the text set has no answers
    assertThat(decisions.at("/0/evalSet").asText()).isEqualTo("grammar");
    assertThat(decisions.at("/0/target").asText()).isEqualTo("referenceAccuracy");
    assertThat(decisions.at("/0/decisionAccuracy").size()).isEqualTo(6);
    assertThat(decisions.at("/1/evalSet").asText()).isEqualTo("quiz");
    assertThat(decisions.at("/1/target").asText()).isEqualTo("referenceLoss");
    assertThat(decisions.at("/1/decisionAccuracy").size()).isEqualTo(3);
    for (int i = 0; i < 2; i++) {
      MetricDecision e = expected.get(i);
      JsonNode d = decisions.get(i);
      assertThat(d.get("proxyScale").asText()).isEqualTo("s");
      for (Map.Entry<ProxyMetric, Double> m : e.decisionAccuracy().entrySet()) {
        assertThat(d.at("/decisionAccuracy/" + m.getKey().key()).asDouble())
            .as("%s %s", e.evalSet(), m.getKey())
            .isEqualTo(m.getValue());
      }
      assertThat(d.get("bestMetric").asText()).isEqualTo(e.bestMetric().key());
    }
    // the planted quality orders the distributions; the proxy's continuous metrics recover most
    assertThat(decisions.at("/0/decisionAccuracy/normCorrectProb").asDouble()).isGreaterThan(0.7);
    assertThat(decisions.at("/1/decisionAccuracy/loss").asDouble()).isGreaterThan(0.7);
  }

  /**
   * Examples with {@code choices} continuations of 3 to 6 bytes (one token per byte), the correct
   * one (label 0) likelier by the quality; every log-likelihood carries Gaussian noise.
   */
  private static AnswerScores planted(
      Random r, int choices, int examples, double quality, double noise) {
    double[] lp = new double[choices * examples];
    int[] bytes = new int[lp.length];
    for (int c = 0; c < lp.length; c++) {
      bytes[c] = 3 + r.nextInt(4);
      lp[c] = -bytes[c] * (1.2 - (c % choices == 0 ? quality : 0)) + noise * r.nextGaussian();
    }
    int[] counts = new int[examples];
    java.util.Arrays.fill(counts, choices);
    return new AnswerScores(lp, counts, new int[examples], bytes, bytes.clone());
  }

  private JsonNode awaitResult(UUID study) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      List<String> docs =
          jdbc.queryForList(
              "SELECT result::text FROM analysis.analysis_result WHERE study_id = ?",
              String.class,
              study);
      if (!docs.isEmpty()) {
        return json.readTree(docs.get(0));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no analysis of " + study);
  }
}
