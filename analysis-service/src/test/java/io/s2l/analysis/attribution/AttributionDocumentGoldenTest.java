package io.s2l.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.analysis.GoldenDocuments;
import io.s2l.attribution.Lds;
import io.s2l.attribution.Scores;
import io.s2l.stats.Interval;
import io.s2l.study.AttributionJobSpec;
import io.s2l.study.AttributionSpec;
import io.s2l.study.SelectionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The document builder still writes the golden documents from the inputs they were made from. */
class AttributionDocumentGoldenTest {

  static final UUID LDS_STUDY = UUID.fromString("3e2d1c0b-9a88-4776-a655-443322110099");
  static final UUID SELECTION_STUDY = UUID.fromString("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
  static final int POOL = 60;

  @Test
  void writesTheGoldenDocuments() throws Exception {
    Random r = new Random(11);
    TargetTask task = new TargetTask(IntStream.range(0, 8).map(i -> i * 3).toArray());
    List<ScaleAttribution> withLds = new ArrayList<>();
    withLds.add(
        new ScaleAttribution(
            "w4", scores(r, 8), lds(r, 0.31, 1), 1.2e9, 0.42, lds(new Random(12), 0.27, 0)));
    withLds.add(new ScaleAttribution("w16", scores(r, 8), lds(r, 0.57, 0), 1.92e10, 1.37));
    AttributionJobSpec ldsSpec =
        new AttributionJobSpec(
            LDS_STUDY,
            "digits",
            "w16",
            List.of("w4", "w16"),
            List.of("w16/subset-0/0"),
            new AttributionSpec(2, 64, null, null, null, 8, true),
            null,
            List.of(0L));
    GroundTruth truth = new GroundTruth(new boolean[10][POOL], new double[10][30], 10);
    AttributionJobHandler.LassoCheck lasso =
        new AttributionJobHandler.LassoCheck(5, 5, lds(r, 0.22, 0));
    String attributionLds =
        GoldenDocuments.JSON.writeValueAsString(
            AttributionDocument.of(ldsSpec, POOL, task, truth, withLds, lasso, List.of(), null));
    assertThat(attributionLds)
        .isEqualTo(GoldenDocuments.expecting("attribution-lds", attributionLds));

    List<ScaleAttribution> noLds = new ArrayList<>();
    noLds.add(new ScaleAttribution("w4", scores(r, 8), null, 1.2e9, 0.4));
    noLds.add(new ScaleAttribution("w16", scores(r, 8), null, 1.92e10, 1.1));
    AttributionJobSpec selSpec =
        new AttributionJobSpec(
            SELECTION_STUDY,
            "digits",
            "w16",
            List.of("w4", "w16"),
            List.of(),
            new AttributionSpec(2, 64, 7L, 0.01, false, null, null),
            new SelectionSpec(6, List.of(3, 8), 2, null),
            List.of(0L));
    List<SelectionCandidate> candidates =
        List.of(
            new SelectionCandidate(
                "dsdm-w4", "dsdm", "w4", 16.0, 0.7312, new int[] {4, 9, 1, 33, 20, 57}, 6),
            new SelectionCandidate(
                "dsdm-w16", "dsdm", "w16", 1.0, 0.6875, new int[] {9, 4, 12, 2, 41, 8}, 6),
            new SelectionCandidate(
                "similarity", "similarity", null, null, null, new int[] {5, 6, 7, 8, 9, 10}, 6),
            new SelectionCandidate(
                "random-0", "random", null, null, null, new int[] {44, 3, 18, 27, 50, 1}, 6),
            new SelectionCandidate(
                "random-1", "random", null, null, null, new int[] {13, 39, 22, 0, 48, 31}, 6));
    String attributionSelection =
        GoldenDocuments.JSON.writeValueAsString(
            AttributionDocument.of(selSpec, POOL, task, null, noLds, null, candidates, null));
    assertThat(attributionSelection)
        .isEqualTo(GoldenDocuments.expecting("attribution-selection", attributionSelection));
  }

  static final UUID TEXT_STUDY = UUID.fromString("7c6b5a49-3827-4160-9f5e-4d3c2b1a0f9e");

  @Test
  void writesTheGoldenTextDocument() throws Exception {
    Random r = new Random(23);
    int pool = POOL;
    List<String> ids = IntStream.range(0, pool).mapToObj(i -> "literature-" + i).toList();
    List<String> texts =
        IntStream.range(0, pool)
            .mapToObj(i -> "Document " + i + ":\n  " + "words ".repeat(i))
            .toList();
    List<TextSets.TargetText> targets =
        IntStream.range(0, 12)
            .mapToObj(
                z ->
                    new TextSets.TargetText(
                        "quiz-" + z, "Q: question " + z + "?\nA: answer", false))
            .toList();
    TextData data = new TextData(ids, texts, "quiz", targets);
    AttributionJobSpec spec =
        new AttributionJobSpec(
            TEXT_STUDY,
            "builtin",
            "m",
            List.of("s", "m"),
            List.of("m/subset-0/0"),
            new AttributionSpec(1, 32, 5L, null, null, null, null, 2, "quiz", pool, 9L),
            new SelectionSpec(null, null, 1, null, List.of(10, 20)),
            List.of(0L, 1L));
    TargetTask task = data.task(spec);
    List<ScaleAttribution> scales = new ArrayList<>();
    scales.add(new ScaleAttribution("s", scores(r, 12), lds(r, 0.2, 0, 12), 2.0e9, 0.3));
    scales.add(new ScaleAttribution("m", scores(r, 12), lds(r, 0.35, 0, 12), 1.6e10, 0.9));
    List<SelectionCandidate> candidates = new ArrayList<>();
    for (int size : List.of(10, 20)) {
      for (ScaleAttribution s : scales) {
        candidates.add(
            new SelectionCandidate(
                spec.selection().dsdmName(s.scale(), size),
                "dsdm",
                s.scale(),
                1.6e10 / s.trainingFlops(),
                2.5 - 0.01 * size,
                io.s2l.attribution.DsDm.select(s.scores(), task.selectionRows(), size),
                size));
      }
      candidates.add(
          new SelectionCandidate(
              spec.selection().similarityName(size),
              "similarity",
              null,
              null,
              null,
              data.similar(task.testIndicesOf(task.selectionRows()), size),
              size));
      candidates.add(
          new SelectionCandidate(
              spec.selection().randomName(size, 0),
              "random",
              null,
              null,
              null,
              io.s2l.attribution.Baselines.random(pool, size, 0),
              size));
    }
    List<io.s2l.api.attribution.TargetDocuments> top = new ArrayList<>();
    for (int row = 0; row < 3; row++) {
      for (ScaleAttribution s : scales) {
        top.add(data.documents(s.scale(), s.scores(), row, task.testIndices()[row], 3));
      }
    }
    GroundTruth truth = new GroundTruth(new boolean[6][pool], new double[6][12], 6);
    String attributionText =
        GoldenDocuments.JSON.writeValueAsString(
            AttributionDocument.of(spec, pool, task, truth, scales, null, candidates, top));
    assertThat(attributionText)
        .isEqualTo(GoldenDocuments.expecting("attribution-text", attributionText));
  }

  private static Scores scores(Random r, int targets) {
    float[] v = new float[targets * POOL];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return new Scores(targets, POOL, v);
  }

  private static Lds lds(Random r, double mean, int undefined) {
    return lds(r, mean, undefined, 8);
  }

  private static Lds lds(Random r, double mean, int undefined, int targets) {
    double[] per = new double[targets];
    for (int i = 0; i < per.length; i++) {
      per[i] = mean + 0.1 * r.nextGaussian();
    }
    return new Lds(
        per,
        mean + 0.01 * r.nextGaussian(),
        new Interval(mean - 0.12 + 0.01 * r.nextGaussian(), mean + 0.11 + 0.01 * r.nextGaussian()),
        undefined);
  }
}
