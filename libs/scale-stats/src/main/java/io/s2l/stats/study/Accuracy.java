package io.s2l.stats.study;

/**
 * Accuracy against correlation (docs/science.md section 2): a proxy at chance accuracy can still
 * track the reference's losses.
 *
 * @param proxyAccuracy mean of 1[correct] over every proxy (distribution, seed, example)
 * @param referenceAccuracy the same for the reference
 * @param chance the evaluation set's chance accuracy
 * @param proxyAboveChance proxyAccuracy - chance
 */
public record Accuracy(
    double proxyAccuracy, double referenceAccuracy, double chance, double proxyAboveChance) {}
