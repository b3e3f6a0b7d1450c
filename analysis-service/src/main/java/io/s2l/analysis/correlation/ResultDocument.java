package io.s2l.analysis.correlation;

import io.s2l.analysis.recommendation.Metric;
import io.s2l.api.correlation.CorrelationEntry;
import io.s2l.api.correlation.CorrelationOptions;
import io.s2l.api.correlation.EntryPlots;
import io.s2l.api.correlation.ExtrapolationBaseline;
import io.s2l.api.correlation.FrontierEntry;
import io.s2l.api.correlation.HistogramCounts;
import io.s2l.api.correlation.MetricDecisionEntry;
import io.s2l.api.correlation.NoiseCeilingSummary;
import io.s2l.api.correlation.PerExampleSummary;
import io.s2l.api.correlation.PermutationSummary;
import io.s2l.api.correlation.ProxyRecommendation;
import io.s2l.api.correlation.ResultPlots;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.correlation.ScalingLaw;
import io.s2l.api.correlation.SeedNoiseSummary;
import io.s2l.stats.Interval;
import io.s2l.stats.PermutationPValues;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.metrics.MetricDecision;
import io.s2l.stats.study.AnalysisResult;
import io.s2l.stats.study.Extrapolation;
import io.s2l.stats.study.NoiseCeiling;
import io.s2l.stats.study.PerExampleR2;
import io.s2l.stats.study.ProxyEvalResult;
import io.s2l.stats.study.Recommendation;
import io.s2l.stats.study.SeedNoise;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An analysis result as stored and served: one document per version. Undefined numbers (NaN, such
 * as a correlation with a constant side) are written as null (see {@link io.s2l.api.Undefined}).
 */
final class ResultDocument {

  private ResultDocument() {}

  static ScaleCorrelationResult of(
      UUID studyId, AnalysisResult result, List<MetricDecision> metricDecisions) {
    String base = "/api/v1/studies/" + studyId + "/plots/";
    boolean accuracy = result.entries().stream().anyMatch(e -> e.accuracy() != null);
    return new ScaleCorrelationResult(
        studyId,
        result.referenceScale(),
        new CorrelationOptions(
            result.options().resamples(),
            result.options().seed(),
            result.options().level(),
            Metric.name(result.options().metric()),
            result.options().threshold(),
            result.options().minDistributions()),
        result.entries().stream().map(e -> entry(studyId, e)).toList(),
        recommendation(result.recommendation()),
        new ResultPlots(
            base + "r2-vs-compute.svg",
            base + "decision-accuracy-vs-compute.svg",
            accuracy ? base + "accuracy-vs-correlation.svg" : null),
        null,
        null,
        result.noiseCeiling().stream().map(ResultDocument::ceiling).toList(),
        result.extrapolation().stream().map(ResultDocument::extrapolation).toList(),
        metricDecisions.stream().map(ResultDocument::metricDecision).toList());
  }

  private static NoiseCeilingSummary ceiling(NoiseCeiling c) {
    return new NoiseCeilingSummary(
        c.evalSet(),
        c.halfSeeds(),
        c.pearsonR(),
        c.r2(),
        interval(c.pearsonRCi95()),
        interval(c.r2Ci95()),
        c.spearmanBrown());
  }

  private static MetricDecisionEntry metricDecision(MetricDecision d) {
    Map<String, Double> accuracy = new LinkedHashMap<>();
    d.decisionAccuracy()
        .forEach((metric, value) -> accuracy.put(metric.key(), finiteOrNull(value)));
    return new MetricDecisionEntry(
        d.proxyScale(),
        d.evalSet(),
        d.target(),
        accuracy,
        d.bestMetric() == null ? null : d.bestMetric().key());
  }

  private static CorrelationEntry entry(UUID studyId, ProxyEvalResult e) {
    ScaleCorrelation s = e.statistics();
    Map<String, List<Double>> ci = new LinkedHashMap<>();
    e.ci95().forEach((name, interval) -> ci.put(name, interval(interval)));
    SeedNoise noise = e.seedNoise();
    String query = "?proxy=" + encode(e.proxyScale()) + "&evalSet=" + encode(e.evalSet());
    String base = "/api/v1/studies/" + studyId + "/plots/";
    return new CorrelationEntry(
        e.proxyScale(),
        e.referenceScale(),
        e.evalSet(),
        e.distributions(),
        List.copyOf(e.distributionNames()),
        s.pearsonR(),
        s.r2(),
        s.spearman(),
        s.kendall(),
        s.decisionAccuracy(),
        s.slope(),
        s.intercept(),
        ci,
        e.proxyParams(),
        e.referenceParams(),
        e.proxyFlops(),
        e.referenceFlops(),
        e.computeRatio(),
        boxed(e.proxyLosses()),
        boxed(e.referenceLosses()),
        perExample(e.perExample()),
        e.accuracy() == null ? null : e.accuracy().proxyAccuracy(),
        e.accuracy() == null ? null : e.accuracy().referenceAccuracy(),
        e.accuracy() == null ? null : e.accuracy().chance(),
        e.accuracy() == null ? null : e.accuracy().proxyAboveChance(),
        noise == null
            ? null
            : new SeedNoiseSummary(
                noise.proxyNoise(),
                noise.proxySpread(),
                noise.referenceNoise(),
                noise.referenceSpread(),
                noise.proxySnr(),
                noise.referenceSnr()),
        new EntryPlots(base + "scatter.svg" + query, base + "per-example-r2.svg" + query),
        new LinkedHashMap<>(e.droppedResamples()),
        permutation(e.permutation()),
        e.fractionOfCeiling());
  }

  private static PermutationSummary permutation(PermutationPValues p) {
    return new PermutationSummary(
        p.decisionAccuracy(), p.spearman(), p.kendall(), p.method(), p.permutations());
  }

  private static PerExampleSummary perExample(PerExampleR2 p) {
    Map<String, Double> quantiles = new LinkedHashMap<>();
    for (int i = 0; i < p.quantileLevels().length; i++) {
      quantiles.put(String.valueOf(p.quantileLevels()[i]), finiteOrNull(p.quantiles()[i]));
    }
    return new PerExampleSummary(
        p.examples(),
        p.defined(),
        quantiles,
        p.mean(),
        interval(p.meanCi95()),
        p.signedMean(),
        p.fractionPositiveR(),
        p.fractionR2Above05(),
        new HistogramCounts(
            boxed(p.histogram().edges()), Arrays.stream(p.histogram().counts()).boxed().toList()),
        p.nullMeanR2(),
        p.nullR2Quantile95());
  }

  private static ProxyRecommendation recommendation(Recommendation r) {
    return new ProxyRecommendation(
        Metric.name(r.metric()),
        r.threshold(),
        r.recommendedScale(),
        r.reason(),
        r.frontier().stream()
            .map(
                p ->
                    new FrontierEntry(
                        p.proxyScale(),
                        p.computeRatio(),
                        p.proxyFlops(),
                        p.meanValue(),
                        p.minLowerBound(),
                        p.clears()))
            .toList(),
        new LinkedHashMap<>(r.byEvalSet()));
  }

  private static ExtrapolationBaseline extrapolation(Extrapolation x) {
    ScaleCorrelation s = x.statistics();
    Map<String, List<Double>> ci = null;
    if (x.ci95() != null) {
      ci = new LinkedHashMap<>();
      for (Map.Entry<String, Interval> e : x.ci95().entrySet()) {
        ci.put(e.getKey(), interval(e.getValue()));
      }
    }
    return new ExtrapolationBaseline(
        x.evalSet(),
        List.copyOf(x.proxyScales()),
        x.referenceFlops(),
        x.reason(),
        x.fits().stream()
            .map(f -> new ScalingLaw(f.e(), f.a(), f.alpha(), f.computeUnit(), f.rss()))
            .toList(),
        x.predictedLosses() == null ? null : boxed(x.predictedLosses()),
        boxed(x.referenceLosses()),
        s == null ? Double.NaN : s.pearsonR(),
        s == null ? Double.NaN : s.r2(),
        s == null ? Double.NaN : s.spearman(),
        s == null ? Double.NaN : s.kendall(),
        s == null ? Double.NaN : s.decisionAccuracy(),
        ci,
        x.meanAbsoluteError(),
        x.rootMeanSquaredError(),
        x.bestProxyScale(),
        x.bestProxyDecisionAccuracy());
  }

  /** {@code [low, high]}, each null when undefined. */
  private static List<Double> interval(Interval interval) {
    List<Double> pair = new ArrayList<>(2);
    pair.add(finiteOrNull(interval.low()));
    pair.add(finiteOrNull(interval.high()));
    return pair;
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
