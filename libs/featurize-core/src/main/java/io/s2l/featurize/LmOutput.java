package io.s2l.featurize;

/**
 * Which scalar {@code f(z)} of a byte-level language model TRAK differentiates for an example
 * (docs/science.md section 3.1). Byte {@code t} of a sequence is predicted from the bytes before it
 * by logits {@code z_t}; {@code ll_t = log softmax(z_t)[x_t]} is its log-likelihood.
 */
public enum LmOutput {

  /**
   * The mean next-byte loss over the scored bytes S, {@code f = -(1/|S|) sum_{t in S} ll_t}: every
   * byte after the first of a pool document (the training loss of that document), or the answer
   * bytes of a target of an answer set. The same value as {@code io.s2l.lm.eval.Evaluations}' text
   * and answer losses.
   */
  MEAN_LOSS,

  /**
   * The log-odds of the correct choice y of a multiple-choice target, the model read as a
   * classifier over the choices: {@code s_c = sum_{t in choice c} ll_t} (the total log-likelihood
   * of choice c after the prompt), {@code p_c = e^{s_c} / sum_d e^{s_d}} and {@code f = log(p_y /
   * (1 - p_y)) = s_y - logsumexp_{c != y} s_c}, TRAK's multi-class margin over the choices.
   */
  CHOICE_MARGIN,

  /**
   * The mean over the scored bytes of the per-byte log-odds of the correct next byte, {@code
   * (1/|S|) sum_{t in S} [z_t(x_t) - logsumexp_{j != x_t} z_t(j)]}: the byte vocabulary read as the
   * classes of TRAK's margin.
   */
  MEAN_BYTE_MARGIN
}
