package io.s2l.lm.eval;

/**
 * A model's result on one evaluation set.
 *
 * @param losses per example: mean loss in nats per scored byte (of the answer, or of the correct
 *     choice)
 * @param correct per example, for multiple-choice sets: whether the correct choice had the highest
 *     total log-likelihood; null for sets without accuracy
 * @param chance chance accuracy (1 / choices), or null
 * @param margins per example, the attribution output o of docs/science.md section 3.1, higher is
 *     better: for a classifier or a multiple-choice set the log-odds margin of the correct class,
 *     {@code log(p / (1 - p))}; for text and answer sets minus the mean loss; null where not
 *     measured
 * @param scores for sets with answers (answer and multiple-choice sets), the log-likelihood and
 *     length of every scored continuation, from which the proxy metrics are computed; null
 *     otherwise
 */
public record EvalResult(
    float[] losses, boolean[] correct, Double chance, float[] margins, ContinuationScores scores) {

  public EvalResult(float[] losses, boolean[] correct, Double chance) {
    this(losses, correct, chance, null);
  }

  public EvalResult(float[] losses, boolean[] correct, Double chance, float[] margins) {
    this(losses, correct, chance, margins, null);
  }
}
