package io.s2l.analysis.attribution;

import io.s2l.api.attribution.TargetDocuments;
import io.s2l.attribution.Scores;
import io.s2l.study.AttributionJobSpec;
import java.util.List;

/**
 * What an attribution analysis needs to know of its data, whatever the modality: the pool, the
 * target examples, the evaluation set whose outputs are the ground truth, and the modality's
 * similarity baseline, predicted loss and readable excerpts. An image study's pool is its image
 * set's training split and its targets the test split ({@link ImageData}); a text study's pool is
 * the documents its pool models were trained on and its targets the examples of its target set
 * ({@link TextData}).
 */
public interface AttributionData {

  /** Ids of the pool's examples, in pool (feature row) order. */
  List<String> poolIds();

  default int poolSize() {
    return poolIds().size();
  }

  /** The examples in the target set (the test split of an image set). */
  int targetSetSize();

  /**
   * The evaluation set whose per-example outputs o are the ground truth and the verified losses.
   */
  String evalSet();

  /** The target set's name in a text study; null for images. */
  String targetSet();

  /** The score rows of the analysis: which target-set examples, in which order. */
  TargetTask task(AttributionJobSpec spec);

  /** The {@code size} pool examples most similar to the given target-set examples. */
  int[] similar(int[] targetIndices, int size);

  /**
   * The loss the scores' linear datamodel predicts for the given rows after training on {@code
   * subset} (docs/science.md section 4.1).
   *
   * @param poolOutputs per score row, the mean output of the models trained on the whole pool
   */
  double predictedLoss(
      Scores scores, TargetTask task, int[] rows, double[] poolOutputs, boolean[] subset);

  /**
   * A target's most helpful and harmful pool documents at one scale, as excerpts; null for images.
   *
   * @param row the target's score row
   * @param targetIndex its index in the target set
   */
  TargetDocuments documents(String scale, Scores scores, int row, int targetIndex, int count);

  /** The ground-truth evaluation set of an image study: its image set's test split. */
  static String imageTestSet(String dataset) {
    return "images/" + dataset + "-test";
  }

  /** The evaluation set of a study's targets: the target set, or an image set's test split. */
  static String evalSet(String dataset, String targetSet) {
    return targetSet != null ? targetSet : imageTestSet(dataset);
  }
}
