package io.s2l.trainer.contract;

/**
 * A run's validated results on one evaluation set, in the order of the set's file.
 *
 * @param losses per example: finite, non-negative
 * @param correct per example for sets with answers; null for the others
 * @param chance the set's chance accuracy for sets with answers; null for the others
 * @param margins per example when the trainer gave them (image sets); null otherwise
 */
public record SetLosses(float[] losses, boolean[] correct, Double chance, float[] margins) {}
