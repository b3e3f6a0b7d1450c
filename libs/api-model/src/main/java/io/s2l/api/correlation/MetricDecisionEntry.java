package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Which proxy metric of one proxy scale, on one evaluation set with answers, best predicts the
 * reference's ranking of the training distributions (DataDecide's comparison; docs/science.md
 * section 2.12).
 *
 * @param target what the reference ranks the distributions by: {@code referenceAccuracy} on
 *     multiple-choice sets, {@code referenceLoss} on answer sets (they have no accuracy)
 * @param decisionAccuracy per metric, in the order loss, bitsPerByte, correctProb, normCorrectProb,
 *     margin, accuracy (the last three only on multiple-choice sets): the decision accuracy of the
 *     proxy's seed-averaged metric against the target; null when undefined (the reference ties
 *     every pair)
 * @param bestMetric the metric with the highest decision accuracy, the earliest in that order on a
 *     tie; null when none is defined
 */
public record MetricDecisionEntry(
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) String evalSet,
    @JsonProperty(required = true) String target,
    @JsonProperty(required = true) Map<String, Double> decisionAccuracy,
    String bestMetric) {}
