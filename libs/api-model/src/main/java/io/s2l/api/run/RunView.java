package io.s2l.api.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One trained model and its compute accounting. Fields s2l did not measure (runs imported from
 * elsewhere carry only params and tokens) are null. Required when read: scale, distribution, seed,
 * params, tokens and flops; the rest are null when absent. As listed by {@code GET
 * /api/v1/studies/{id}/runs}.
 *
 * @param params non-embedding parameters N
 * @param flops 6 N D
 * @param wallSeconds training time
 * @param peakRssBytes peak resident memory of the worker process when the run finished
 */
public record RunView(
    @JsonProperty(required = true) String scale,
    @JsonProperty(required = true) String distribution,
    @JsonProperty(required = true) long seed,
    @JsonProperty(required = true) long params,
    Long paramsTotal,
    @JsonProperty(required = true) long tokens,
    @JsonProperty(required = true) double flops,
    Long steps,
    Double wallSeconds,
    Double tokensPerSecond,
    Double evalSeconds,
    Double finalTrainLoss,
    Long peakRssBytes,
    String worker,
    Integer attempt) {}
