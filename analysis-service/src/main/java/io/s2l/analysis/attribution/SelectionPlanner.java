package io.s2l.analysis.attribution;

import io.s2l.attribution.Baselines;
import io.s2l.attribution.DsDm;
import io.s2l.corpus.ImageSet;
import io.s2l.study.SelectionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the data a selection study verifies: per scale, the DsDm selection from that scale's TRAK
 * scores (with the loss its datamodel predicts on the holdout targets), and the baselines of the
 * same size: the examples most similar to the target task and seeded random draws.
 */
final class SelectionPlanner {

  private SelectionPlanner() {}

  /**
   * @param poolMargins per scale, per score row, the mean margin of its models trained on the whole
   *     pool
   * @param referenceFlops training FLOPs of one reference model
   */
  static List<SelectionCandidate> plan(
      SelectionSpec selection,
      ImageSet images,
      TargetTask task,
      List<ScaleAttribution> scales,
      Map<String, double[]> poolMargins,
      double referenceFlops) {
    int pool = images.trainIds().size();
    int size = selection.size();
    if (size > pool) {
      throw new IllegalArgumentException(
          "selection.size " + size + " exceeds the pool of " + pool + " examples");
    }
    int[] choose = task.selectionRows();
    int[] holdout = task.holdoutRows();
    List<SelectionCandidate> candidates = new ArrayList<>();
    for (ScaleAttribution s : scales) {
      int[] chosen = DsDm.select(s.scores(), choose, size);
      double predicted =
          DsDm.predictedLoss(
              s.scores(), holdout, poolMargins.get(s.scale()), membership(pool, chosen));
      candidates.add(
          new SelectionCandidate(
              selection.dsdmName(s.scale(), size),
              SelectionSpec.DSDM,
              s.scale(),
              referenceFlops / s.trainingFlops(),
              predicted,
              chosen));
    }
    float[][] targetPixels = new float[choose.length][];
    int[] chooseTests = task.testIndicesOf(choose);
    for (int i = 0; i < chooseTests.length; i++) {
      targetPixels[i] = images.testPixels()[chooseTests[i]];
    }
    candidates.add(
        new SelectionCandidate(
            selection.similarityName(size),
            SelectionSpec.SIMILARITY,
            null,
            null,
            null,
            Baselines.similarity(images.trainPixels(), targetPixels, size)));
    for (int j = 0; j < selection.randomDrawsOrDefault(); j++) {
      candidates.add(
          new SelectionCandidate(
              selection.randomName(size, j),
              SelectionSpec.RANDOM,
              null,
              null,
              null,
              Baselines.random(pool, size, selection.seedOrDefault() + j)));
    }
    return candidates;
  }

  static boolean[] membership(int pool, int[] examples) {
    boolean[] in = new boolean[pool];
    for (int i : examples) {
      in[i] = true;
    }
    return in;
  }
}
