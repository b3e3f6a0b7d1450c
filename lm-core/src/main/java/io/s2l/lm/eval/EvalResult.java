package io.s2l.lm.eval;

/**
 * A model's result on one evaluation set.
 *
 * @param losses per example: mean loss in nats per scored byte (of the answer, or of the correct
 *     choice)
 * @param correct per example, for multiple-choice sets: whether the correct choice had the highest
 *     total log-likelihood; null for sets without accuracy
 * @param chance chance accuracy (1 / choices), or null
 */
public record EvalResult(float[] losses, boolean[] correct, Double chance) {}
