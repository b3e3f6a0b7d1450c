package io.s2l.analysis.attribution;

import io.s2l.attribution.Baselines;
import io.s2l.attribution.DsDm;
import io.s2l.study.SelectionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the data a selection study verifies, at every selection size: per scale, the DsDm
 * selection from that scale's TRAK scores (with the loss its datamodel predicts on the holdout
 * targets), and the baselines of the same size: the examples most similar to the choosing targets
 * (pixels of images, byte trigrams of text) and seeded random draws.
 */
final class SelectionPlanner {

  private SelectionPlanner() {}

  /**
   * @param poolOutputs per scale, per score row, the mean output of its models trained on the whole
   *     pool
   * @param referenceFlops training FLOPs of one reference model
   */
  static List<SelectionCandidate> plan(
      SelectionSpec selection,
      AttributionData data,
      TargetTask task,
      List<ScaleAttribution> scales,
      Map<String, double[]> poolOutputs,
      double referenceFlops) {
    int pool = data.poolSize();
    int[] choose = task.selectionRows();
    int[] holdout = task.holdoutRows();
    List<SelectionCandidate> candidates = new ArrayList<>();
    for (int size : selection.allSizes()) {
      if (size > pool) {
        throw new IllegalArgumentException(
            "selection size " + size + " exceeds the pool of " + pool + " examples");
      }
      for (ScaleAttribution s : scales) {
        int[] chosen = DsDm.select(s.scores(), choose, size);
        double predicted =
            data.predictedLoss(
                s.scores(), task, holdout, poolOutputs.get(s.scale()), membership(pool, chosen));
        candidates.add(
            new SelectionCandidate(
                selection.dsdmName(s.scale(), size),
                SelectionSpec.DSDM,
                s.scale(),
                referenceFlops / s.trainingFlops(),
                predicted,
                chosen,
                size));
      }
      candidates.add(
          new SelectionCandidate(
              selection.similarityName(size),
              SelectionSpec.SIMILARITY,
              null,
              null,
              null,
              data.similar(task.testIndicesOf(choose), size),
              size));
      for (int j = 0; j < selection.randomDrawsOrDefault(); j++) {
        candidates.add(
            new SelectionCandidate(
                selection.randomName(size, j),
                SelectionSpec.RANDOM,
                null,
                null,
                null,
                Baselines.random(pool, size, selection.seedOrDefault() + j),
                size));
      }
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
