package io.s2l.stats.study;

import java.util.List;
import java.util.Map;

/**
 * The cheapest proxy scale whose lower confidence bound on the metric clears the threshold on every
 * evaluation set (docs/science.md section 2.7). With L_{s,j} the lower bound of proxy s on set j
 * (from {@link ProxyEvalResult#ci95()}), s clears when min_j L_{s,j} &gt;= threshold and, on every
 * set j, Pearson r_{s,j} &gt; 0 and the lower bound of its interval &gt; 0; an undefined (NaN)
 * bound never clears. The sign rule holds whatever the metric: R^2 = r^2 is as high for a proxy
 * that orders every distribution backwards as for one that orders them right. No proxy clears when
 * the study has fewer than {@link AnalysisOptions#minDistributions()} distributions. Nor does one
 * whose ordering may be chance: on every set the permutation p-value of decision accuracy against
 * no relation ({@link ProxyEvalResult#permutation()}) must be at most 1 - level, whatever the
 * metric (section 2.8).
 *
 * @param metric the thresholded statistic
 * @param threshold the value the lower bound must reach
 * @param recommendedScale the clearing proxy with the smallest training compute, null if none
 * @param reason one sentence for a person: why this scale, or the best bound reached when none
 * @param frontier one point per proxy, ascending training compute
 * @param byEvalSet per evaluation set (study order), the cheapest proxy whose lower bound clears on
 *     that set alone (under the same sign and minimum-K rules), null values where none does;
 *     unmodifiable
 */
public record Recommendation(
    RecommendationMetric metric,
    double threshold,
    String recommendedScale,
    String reason,
    List<FrontierPoint> frontier,
    Map<String, String> byEvalSet) {}
