package io.s2l.api.mixture;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.selection.RandomBaseline;
import java.util.List;
import java.util.UUID;

/**
 * The recommended mixtures trained at the reference and measured on the target set, as stored with
 * their recommendation version; all fields required.
 *
 * @param version the recommendation version verified
 * @param examples examples of the target set
 * @param random the random mixtures, pooled
 * @param entries per recommendation, the reference's verified result and its gain
 * @param gainPlot link to the gain plot (SVG)
 * @param resampled the units the gains' intervals resample: {@code ["seeds", "randomDraws",
 *     "examples"]}; null in documents stored when the intervals resampled the examples only
 */
public record MixtureVerification(
    @JsonProperty(required = true) UUID studyId,
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) String referenceScale,
    @JsonProperty(required = true) String target,
    @JsonProperty(required = true) int examples,
    @JsonProperty(required = true) RandomBaseline random,
    @JsonProperty(required = true) List<VerifiedMixture> entries,
    @JsonProperty(required = true) String gainPlot,
    List<String> resampled) {}
