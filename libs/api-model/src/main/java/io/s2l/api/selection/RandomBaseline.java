package io.s2l.api.selection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The random baseline a verification compares with: the reference trained on random draws, pooled;
 * every field present.
 *
 * @param draws random draws trained
 * @param loss mean loss over the draws
 * @param accuracy mean accuracy over the draws; null for target sets without accuracy (mixture
 *     studies, text answer sets)
 * @param drawLosses each draw's mean loss
 * @param size the draws' selection size; absent in mixture studies
 */
public record RandomBaseline(
    @JsonProperty(required = true) int draws,
    @JsonProperty(required = true) double loss,
    @JsonProperty(required = true) Double accuracy,
    @JsonProperty(required = true) List<Double> drawLosses,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer size) {}
