package io.s2l.stats.study;

import java.util.List;

/**
 * The complete scale-correlation analysis of a study (docs/science.md section 2).
 *
 * @param referenceScale the scale the proxies were compared with
 * @param options the options the analysis ran with
 * @param entries one per (proxy scale, evaluation set), proxy-major in study order
 * @param recommendation the cheapest proxy that clears the threshold, and the frontier
 * @param noiseCeiling per evaluation set in study order, the reference against itself across seed
 *     halves (docs/science.md section 2.9); empty with a single seed
 * @param extrapolation one per evaluation set, study order: the scaling-law extrapolation from all
 *     proxies to the reference (docs/science.md section 2.11), absent with a reason when the
 *     proxies have fewer than 3 distinct compute values
 */
public record AnalysisResult(
    String referenceScale,
    AnalysisOptions options,
    List<ProxyEvalResult> entries,
    Recommendation recommendation,
    List<NoiseCeiling> noiseCeiling,
    List<Extrapolation> extrapolation) {}
