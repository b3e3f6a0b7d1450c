package io.s2l.api.mixture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * The mixtures recommended from the proxies' runs, as stored per version; all fields required.
 *
 * @param target the evaluation set whose loss the mixtures should lower
 * @param domains the domains a mixture weighs, in weight order
 * @param candidates candidate mixtures each regression was searched over
 * @param recommendations per proxy scale and regression, its recommended mixture
 * @param randomMixtures the random baseline mixtures the reference also trains on
 * @param topK how many of the best candidates each recommendation averages (at most {@code
 *     candidates}); null in documents stored before recommendations were top-k averages
 */
public record MixtureRecommendation(
    @JsonProperty(required = true) UUID studyId,
    @JsonProperty(required = true) String target,
    @JsonProperty(required = true) String referenceScale,
    @JsonProperty(required = true) List<String> domains,
    @JsonProperty(required = true) int candidates,
    @JsonProperty(required = true) List<RecommendedMixture> recommendations,
    @JsonProperty(required = true) List<NamedMixture> randomMixtures,
    Integer topK) {}
