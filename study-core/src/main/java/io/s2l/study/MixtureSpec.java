package io.s2l.study;

import java.util.Map;

/**
 * A training distribution: a mixture of named data domains.
 *
 * @param name unique within a study
 * @param weights domain name to weight; non-negative, summing to 1 (within 1e-6)
 */
public record MixtureSpec(String name, Map<String, Double> weights) {}
