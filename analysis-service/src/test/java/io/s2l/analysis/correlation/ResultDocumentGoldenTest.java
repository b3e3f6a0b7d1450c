package io.s2l.analysis.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.analysis.GoldenDocuments;
import io.s2l.stats.metrics.AnswerScores;
import io.s2l.stats.metrics.MetricDecision;
import io.s2l.stats.metrics.MetricDecisions;
import io.s2l.stats.study.AnalysisOptions;
import io.s2l.stats.study.AnalysisResult;
import io.s2l.stats.study.LossCube;
import io.s2l.stats.study.ScaleCorrelationAnalysis;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The document builder still writes the golden documents from the inputs they were made from. */
class ResultDocumentGoldenTest {

  /** Parameters per scale; each trains on 20 tokens per parameter. */
  private static final Map<String, Long> PARAMS =
      Map.of("tiny", 12_000L, "small", 30_000L, "mid", 98_304L, "big", 786_432L);

  @Test
  void writesTheGoldenDocuments() throws Exception {
    // two seeds, an evaluation set with accuracy and one without
    check(
        "scale-correlation",
        UUID.fromString("7b1c2a4e-1f0a-4c39-9a53-2d5f6e7a8b91"),
        List.of(0L, 1L),
        false);
    // one seed (no seed noise) and a constant proxy: undefined statistics
    check(
        "scale-correlation-undefined",
        UUID.fromString("0c6f9d38-52e4-4b7a-8f1e-3a2b1c0d9e84"),
        List.of(0L),
        true);
    // three proxies: the extrapolation baseline is fitted
    check(
        "scale-correlation-extrapolation",
        UUID.fromString("3e8d5f21-7a4c-4b0e-b6d2-9c1f0e2a4d57"),
        List.of(0L, 1L),
        false,
        List.of("tiny", "small", "mid", "big"));
  }

  private void check(String name, UUID study, List<Long> seeds, boolean constantProxy)
      throws Exception {
    check(name, study, seeds, constantProxy, List.of("tiny", "mid", "big"));
  }

  private void check(
      String name, UUID study, List<Long> seeds, boolean constantProxy, List<String> scales)
      throws Exception {
    List<String> dists = List.of("web", "code", "books", "mix");
    LossCube.Builder b = LossCube.builder(scales, dists, seeds);
    for (String scale : scales) {
      long params = PARAMS.get(scale);
      b.scaleCompute(scale, params, 6.0 * params * 20 * params);
    }
    b.evalSet("heldout/code", 40, null);
    b.evalSet("quiz", 24, 0.25);
    Random r = new Random(name.hashCode());
    for (int s = 0; s < scales.size(); s++) {
      for (int d = 0; d < dists.size(); d++) {
        for (long seed : seeds) {
          for (String set : List.of("heldout/code", "quiz")) {
            int n = set.equals("quiz") ? 24 : 40;
            float[] losses = new float[n];
            boolean[] correct = set.equals("quiz") ? new boolean[n] : null;
            for (int i = 0; i < n; i++) {
              double base = 4.0 - 0.6 * s + 0.15 * d + 0.05 * (i % 7);
              losses[i] = constantProxy && s == 0 ? 3.5f : (float) (base + 0.08 * r.nextGaussian());
              if (correct != null) {
                correct[i] = r.nextDouble() < 0.3 + 0.15 * s;
              }
            }
            b.losses(scales.get(s), dists.get(d), seed, set, losses, correct);
          }
        }
      }
    }
    LossCube cube = b.build();
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(cube, AnalysisOptions.defaults("big"));
    // raw answer scores on the multiple-choice set only: its four choices, the correct one likelier
    // the larger the scale; the text set has none, so it gets no per-metric decision accuracy
    Map<String, AnswerScores> scores = new HashMap<>();
    for (int s = 0; s < scales.size(); s++) {
      for (int d = 0; d < dists.size(); d++) {
        for (long seed : seeds) {
          double[] lp = new double[24 * 4];
          for (int c = 0; c < lp.length; c++) {
            lp[c] = -(3.0 + 0.2 * d + r.nextDouble() - (c % 4 == 0 ? 0.1 * s + 0.1 * d : 0));
          }
          int[] ones = new int[lp.length];
          Arrays.fill(ones, 1);
          scores.put(
              scales.get(s) + "/" + dists.get(d) + "/" + seed,
              new AnswerScores(lp, fours(), new int[24], ones, ones));
        }
      }
    }
    List<MetricDecision> metrics =
        MetricDecisions.analyze(
            scales,
            dists,
            seeds,
            cube.evalSets(),
            "big",
            (scale, dist, seed, set) ->
                set.equals("quiz") ? scores.get(scale + "/" + dist + "/" + seed) : null);
    String written =
        GoldenDocuments.JSON.writeValueAsString(ResultDocument.of(study, result, metrics));
    assertThat(written).isEqualTo(GoldenDocuments.expecting(name, written));
  }

  private static int[] fours() {
    int[] choices = new int[24];
    Arrays.fill(choices, 4);
    return choices;
  }
}
