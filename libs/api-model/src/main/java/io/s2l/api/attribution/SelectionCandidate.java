package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One selection of pool examples; every field present. {@code proxyScale}, {@code computeRatio} and
 * {@code predictedLoss} are null except for DsDm.
 *
 * @param name the distribution name its verification models train on
 * @param method {@code dsdm}, {@code similarity} or {@code random}
 * @param examples pool indices, in the order chosen
 * @param size the selection's size (written since sizes could be swept)
 */
public record SelectionCandidate(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String method,
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) Double computeRatio,
    @JsonProperty(required = true) Double predictedLoss,
    @JsonProperty(required = true) List<Integer> examples,
    Integer size) {}
