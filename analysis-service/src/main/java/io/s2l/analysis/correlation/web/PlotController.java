package io.s2l.analysis.correlation.web;

import io.s2l.analysis.correlation.AnalysisReader;
import io.s2l.api.correlation.CorrelationEntry;
import io.s2l.api.correlation.PerExampleSummary;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.plots.HistogramSpec;
import io.s2l.plots.Line;
import io.s2l.plots.LineSpec;
import io.s2l.plots.Point;
import io.s2l.plots.ScatterSpec;
import io.s2l.plots.Series;
import io.s2l.plots.Svg;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** SVG plots of a study's analysis, rendered from the stored result (latest, or ?version=N). */
@RestController
@Tag(name = "plots", description = "Server-rendered SVG plots of an analysis")
class PlotController {

  private static final String SVG = "image/svg+xml";

  private final AnalysisReader reader;

  PlotController(AnalysisReader reader) {
    this.reader = reader;
  }

  @GetMapping(path = "/api/v1/studies/{id}/plots/r2-vs-compute.svg", produces = SVG)
  @Operation(summary = "R^2 (with 95% interval) against compute ratio, one line per evaluation set")
  ResponseEntity<String> r2VsCompute(
      @PathVariable UUID id, @RequestParam(required = false) Integer version) {
    return svg(frontier(reader.result(id, version), CorrelationEntry::r2, "r2", "R\u00b2"));
  }

  @GetMapping(path = "/api/v1/studies/{id}/plots/decision-accuracy-vs-compute.svg", produces = SVG)
  @Operation(
      summary = "Decision accuracy (with 95% interval) against compute ratio, per evaluation set")
  ResponseEntity<String> decisionVsCompute(
      @PathVariable UUID id, @RequestParam(required = false) Integer version) {
    return svg(
        frontier(
            reader.result(id, version),
            CorrelationEntry::decisionAccuracy,
            "decisionAccuracy",
            "decision accuracy"));
  }

  @GetMapping(path = "/api/v1/studies/{id}/plots/scatter.svg", produces = SVG)
  @Operation(
      summary = "Proxy against reference mean loss, one point per distribution, with the fit")
  ResponseEntity<String> scatter(
      @PathVariable UUID id,
      @RequestParam String proxy,
      @RequestParam String evalSet,
      @RequestParam(required = false) Integer version) {
    CorrelationEntry e = entry(reader.result(id, version), proxy, evalSet);
    List<Point> points = new ArrayList<>();
    for (int k = 0; k < e.proxyLosses().size(); k++) {
      points.add(
          new Point(
              e.proxyLosses().get(k), e.referenceLosses().get(k), e.distributionNames().get(k)));
    }
    Line fit = undefined(e.slope()) ? null : new Line(e.slope(), orZero(e.intercept()));
    String title =
        String.format(
            "%s vs %s on %s (R\u00b2 %s, %.0fx cheaper)",
            proxy,
            e.referenceScale(),
            evalSet,
            undefined(e.r2()) ? "n/a" : String.format("%.3f", e.r2()),
            orZero(e.computeRatio()));
    return svg(
        Svg.scatter(
            new ScatterSpec(
                title,
                proxy + " mean loss",
                e.referenceScale() + " mean loss",
                points,
                fit,
                false)));
  }

  @GetMapping(path = "/api/v1/studies/{id}/plots/per-example-r2.svg", produces = SVG)
  @Operation(summary = "Histogram of per-example R^2 between a proxy and the reference")
  ResponseEntity<String> perExample(
      @PathVariable UUID id,
      @RequestParam String proxy,
      @RequestParam String evalSet,
      @RequestParam(required = false) Integer version) {
    PerExampleSummary p = entry(reader.result(id, version), proxy, evalSet).perExample();
    double[] edges = p.histogram().edges().stream().mapToDouble(Double::doubleValue).toArray();
    long[] counts = p.histogram().counts().stream().mapToLong(Long::longValue).toArray();
    String title =
        String.format(
            "Per-example R\u00b2, %s vs reference on %s (%d of %d examples defined)",
            proxy, evalSet, p.defined(), p.examples());
    return svg(
        Svg.histogram(new HistogramSpec(title, "R\u00b2 across distributions", edges, counts)));
  }

  @GetMapping(path = "/api/v1/studies/{id}/plots/accuracy-vs-correlation.svg", produces = SVG)
  @Operation(
      summary =
          "Proxy accuracy above chance against the proxy/reference correlation, one point per"
              + " (proxy, evaluation set with accuracy): a proxy at chance can still be predictive")
  ResponseEntity<String> accuracyVsCorrelation(
      @PathVariable UUID id, @RequestParam(required = false) Integer version) {
    List<Point> points = new ArrayList<>();
    for (CorrelationEntry e : reader.result(id, version).entries()) {
      if (e.proxyAboveChance() != null
          && !undefined(e.proxyAboveChance())
          && !undefined(e.pearsonR())) {
        points.add(
            new Point(e.proxyAboveChance(), e.pearsonR(), e.proxyScale() + " / " + e.evalSet()));
      }
    }
    return svg(
        Svg.scatter(
            new ScatterSpec(
                "Proxy accuracy above chance against correlation with the reference",
                "proxy accuracy - chance",
                "Pearson r, proxy vs reference mean loss",
                points,
                null,
                false)));
  }

  private static String frontier(
      ScaleCorrelationResult doc,
      ToDoubleFunction<CorrelationEntry> statistic,
      String name,
      String label) {
    Map<String, List<CorrelationEntry>> bySet = new LinkedHashMap<>();
    for (CorrelationEntry e : doc.entries()) {
      bySet.computeIfAbsent(e.evalSet(), k -> new ArrayList<>()).add(e);
    }
    List<Series> series = new ArrayList<>();
    bySet.forEach(
        (set, entries) -> {
          List<Point> points = new ArrayList<>();
          double[] low = new double[entries.size()];
          double[] high = new double[entries.size()];
          for (int i = 0; i < entries.size(); i++) {
            CorrelationEntry e = entries.get(i);
            List<Double> ci = e.ci95().get(name);
            points.add(
                new Point(orZero(e.computeRatio()), statistic.applyAsDouble(e), e.proxyScale()));
            low[i] = ci.get(0) == null ? Double.NaN : ci.get(0);
            high[i] = ci.get(1) == null ? Double.NaN : ci.get(1);
          }
          series.add(new Series(set, points, low, high));
        });
    Double threshold = name.equals(doc.options().metric()) ? doc.options().threshold() : null;
    return Svg.lines(
        new LineSpec(
            label + " against proxy compute savings",
            "compute ratio (reference FLOPs / proxy FLOPs)",
            label,
            true,
            series,
            threshold));
  }

  private static CorrelationEntry entry(ScaleCorrelationResult doc, String proxy, String evalSet) {
    for (CorrelationEntry e : doc.entries()) {
      if (e.proxyScale().equals(proxy) && e.evalSet().equals(evalSet)) {
        return e;
      }
    }
    throw new ResponseStatusException(
        HttpStatus.NOT_FOUND,
        "no entry for proxy '" + proxy + "' on evaluation set '" + evalSet + "'");
  }

  private static boolean undefined(double value) {
    return !Double.isFinite(value);
  }

  /** An undefined statistic where a plot needs a number: 0, as the JSON null it is read as. */
  private static double orZero(double value) {
    return Double.isFinite(value) ? value : 0.0;
  }

  private static ResponseEntity<String> svg(String body) {
    return ResponseEntity.ok().header("Content-Type", SVG).body(body);
  }
}
