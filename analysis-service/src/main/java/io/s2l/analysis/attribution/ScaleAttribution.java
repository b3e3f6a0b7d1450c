package io.s2l.analysis.attribution;

import io.s2l.attribution.Lds;
import io.s2l.attribution.Scores;

/**
 * TRAK at one scale and how well it predicts the reference models trained on subsets.
 *
 * @param scale the scale whose M models (C checkpoints each) the scores come from
 * @param scores targets x pool
 * @param lds the linear datamodeling score against the reference ground truth
 * @param trainingFlops training FLOPs of one model of this scale (mean over its M models)
 * @param seconds wall time of the TRAK computation
 * @param heldOutLds the LDS on the held-out subsets the LASSO datamodel is scored on, or null
 */
record ScaleAttribution(
    String scale, Scores scores, Lds lds, double trainingFlops, double seconds, Lds heldOutLds) {

  ScaleAttribution(String scale, Scores scores, Lds lds, double trainingFlops, double seconds) {
    this(scale, scores, lds, trainingFlops, seconds, null);
  }
}
