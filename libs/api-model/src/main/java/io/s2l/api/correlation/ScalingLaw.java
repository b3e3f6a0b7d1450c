package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One distribution's fitted law L(C) = e + a (C / computeUnit)^(-alpha), all fields required.
 *
 * @param e the asymptote, at least 0
 * @param a the amplitude at computeUnit, at least 0
 * @param alpha the exponent, in [0, 2]
 * @param computeUnit the smallest proxy compute, in FLOPs
 * @param rss the residual sum of squares of the fit
 */
public record ScalingLaw(
    @JsonProperty(required = true) double e,
    @JsonProperty(required = true) double a,
    @JsonProperty(required = true) double alpha,
    @JsonProperty(required = true) double computeUnit,
    @JsonProperty(required = true) double rss) {}
