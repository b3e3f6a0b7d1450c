package io.s2l.api.selection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The random baseline a verification compares with: the reference trained on random draws, pooled;
 * every field present.
 *
 * @param draws random draws trained
 * @param loss mean loss over the draws
 * @param accuracy mean accuracy over the draws; null (mixture studies only) for target sets without
 *     accuracy
 * @param drawLosses each draw's mean loss
 */
public record RandomBaseline(
    @JsonProperty(required = true) int draws,
    @JsonProperty(required = true) double loss,
    @JsonProperty(required = true) Double accuracy,
    @JsonProperty(required = true) List<Double> drawLosses) {}
