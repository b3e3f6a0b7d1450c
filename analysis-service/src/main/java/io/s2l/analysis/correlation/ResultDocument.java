package io.s2l.analysis.correlation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.stats.Interval;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.study.AnalysisResult;
import io.s2l.stats.study.FrontierPoint;
import io.s2l.stats.study.PerExampleR2;
import io.s2l.stats.study.ProxyEvalResult;
import io.s2l.stats.study.Recommendation;
import io.s2l.stats.study.SeedNoise;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * An analysis result as stored and served: one JSON document per version. Undefined numbers (NaN,
 * such as a correlation with a constant side) become null; the schema is in README.md.
 */
final class ResultDocument {

  private ResultDocument() {}

  static ObjectNode of(ObjectMapper json, UUID studyId, AnalysisResult result) {
    ObjectNode doc = json.createObjectNode();
    doc.put("studyId", studyId.toString());
    doc.put("referenceScale", result.referenceScale());
    ObjectNode options = doc.putObject("options");
    options.put("resamples", result.options().resamples());
    options.put("seed", result.options().seed());
    options.put("level", result.options().level());
    options.put("metric", Metric.name(result.options().metric()));
    options.put("threshold", result.options().threshold());
    ArrayNode entries = doc.putArray("entries");
    for (ProxyEvalResult e : result.entries()) {
      entries.add(entry(json, studyId, e));
    }
    doc.set("recommendation", recommendation(json, result.recommendation()));
    ObjectNode plots = doc.putObject("plots");
    String base = "/api/v1/studies/" + studyId + "/plots/";
    plots.put("r2VsCompute", base + "r2-vs-compute.svg");
    plots.put("decisionAccuracyVsCompute", base + "decision-accuracy-vs-compute.svg");
    if (result.entries().stream().anyMatch(e -> e.accuracy() != null)) {
      plots.put("accuracyVsCorrelation", base + "accuracy-vs-correlation.svg");
    }
    return doc;
  }

  private static ObjectNode entry(ObjectMapper json, UUID studyId, ProxyEvalResult e) {
    ObjectNode n = json.createObjectNode();
    n.put("proxyScale", e.proxyScale());
    n.put("referenceScale", e.referenceScale());
    n.put("evalSet", e.evalSet());
    n.put("distributions", e.distributions());
    ArrayNode names = n.putArray("distributionNames");
    e.distributionNames().forEach(names::add);
    ScaleCorrelation s = e.statistics();
    number(n, "pearsonR", s.pearsonR());
    number(n, "r2", s.r2());
    number(n, "spearman", s.spearman());
    number(n, "kendall", s.kendall());
    number(n, "decisionAccuracy", s.decisionAccuracy());
    number(n, "slope", s.slope());
    number(n, "intercept", s.intercept());
    ObjectNode ci = n.putObject("ci95");
    for (Map.Entry<String, Interval> c : e.ci95().entrySet()) {
      ci.set(c.getKey(), interval(json, c.getValue()));
    }
    n.put("proxyParams", e.proxyParams());
    n.put("referenceParams", e.referenceParams());
    number(n, "proxyFlops", e.proxyFlops());
    number(n, "referenceFlops", e.referenceFlops());
    number(n, "computeRatio", e.computeRatio());
    ArrayNode proxyLosses = n.putArray("proxyLosses");
    for (double v : e.proxyLosses()) {
      proxyLosses.add(v);
    }
    ArrayNode referenceLosses = n.putArray("referenceLosses");
    for (double v : e.referenceLosses()) {
      referenceLosses.add(v);
    }
    n.set("perExample", perExample(json, e.perExample()));
    if (e.accuracy() != null) {
      number(n, "proxyAccuracy", e.accuracy().proxyAccuracy());
      number(n, "referenceAccuracy", e.accuracy().referenceAccuracy());
      number(n, "chance", e.accuracy().chance());
      number(n, "proxyAboveChance", e.accuracy().proxyAboveChance());
    }
    if (e.seedNoise() != null) {
      SeedNoise noise = e.seedNoise();
      ObjectNode sn = n.putObject("seedNoise");
      number(sn, "proxyNoise", noise.proxyNoise());
      number(sn, "proxySpread", noise.proxySpread());
      number(sn, "referenceNoise", noise.referenceNoise());
      number(sn, "referenceSpread", noise.referenceSpread());
    } else {
      n.putNull("seedNoise");
    }
    ObjectNode plots = n.putObject("plots");
    String query = "?proxy=" + encode(e.proxyScale()) + "&evalSet=" + encode(e.evalSet());
    String base = "/api/v1/studies/" + studyId + "/plots/";
    plots.put("scatter", base + "scatter.svg" + query);
    plots.put("perExampleR2", base + "per-example-r2.svg" + query);
    return n;
  }

  private static ObjectNode perExample(ObjectMapper json, PerExampleR2 p) {
    ObjectNode n = json.createObjectNode();
    n.put("examples", p.examples());
    n.put("defined", p.defined());
    ObjectNode quantiles = n.putObject("quantiles");
    for (int i = 0; i < p.quantileLevels().length; i++) {
      number(quantiles, String.valueOf(p.quantileLevels()[i]), p.quantiles()[i]);
    }
    number(n, "mean", p.mean());
    n.set("meanCi95", interval(json, p.meanCi95()));
    number(n, "fractionPositiveR", p.fractionPositiveR());
    number(n, "fractionR2Above05", p.fractionR2Above05());
    ObjectNode histogram = n.putObject("histogram");
    ArrayNode edges = histogram.putArray("edges");
    for (double edge : p.histogram().edges()) {
      edges.add(edge);
    }
    ArrayNode counts = histogram.putArray("counts");
    for (long count : p.histogram().counts()) {
      counts.add(count);
    }
    return n;
  }

  private static ObjectNode recommendation(ObjectMapper json, Recommendation r) {
    ObjectNode n = json.createObjectNode();
    n.put("metric", Metric.name(r.metric()));
    n.put("threshold", r.threshold());
    if (r.recommendedScale() == null) {
      n.putNull("recommendedScale");
    } else {
      n.put("recommendedScale", r.recommendedScale());
    }
    n.put("reason", r.reason());
    ArrayNode frontier = n.putArray("frontier");
    for (FrontierPoint p : r.frontier()) {
      ObjectNode f = frontier.addObject();
      f.put("proxyScale", p.proxyScale());
      number(f, "computeRatio", p.computeRatio());
      number(f, "proxyFlops", p.proxyFlops());
      number(f, "meanValue", p.meanValue());
      number(f, "minLowerBound", p.minLowerBound());
      f.put("clears", p.clears());
    }
    ObjectNode byEvalSet = n.putObject("byEvalSet");
    r.byEvalSet()
        .forEach(
            (set, scale) -> {
              if (scale == null) {
                byEvalSet.putNull(set);
              } else {
                byEvalSet.put(set, scale);
              }
            });
    return n;
  }

  private static ArrayNode interval(ObjectMapper json, Interval interval) {
    ArrayNode pair = json.createArrayNode();
    addNumber(pair, interval.low());
    addNumber(pair, interval.high());
    return pair;
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static void addNumber(ArrayNode node, double value) {
    if (Double.isFinite(value)) {
      node.add(value);
    } else {
      node.addNull();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
