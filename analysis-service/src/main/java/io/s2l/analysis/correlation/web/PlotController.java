package io.s2l.analysis.correlation.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.analysis.correlation.AnalysisReader;
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
    return svg(frontier(reader.result(id, version), "r2", "R\u00b2", "r2"));
  }

  @GetMapping(path = "/api/v1/studies/{id}/plots/decision-accuracy-vs-compute.svg", produces = SVG)
  @Operation(
      summary = "Decision accuracy (with 95% interval) against compute ratio, per evaluation set")
  ResponseEntity<String> decisionVsCompute(
      @PathVariable UUID id, @RequestParam(required = false) Integer version) {
    return svg(
        frontier(
            reader.result(id, version),
            "decisionAccuracy",
            "decision accuracy",
            "decisionAccuracy"));
  }

  @GetMapping(path = "/api/v1/studies/{id}/plots/scatter.svg", produces = SVG)
  @Operation(
      summary = "Proxy against reference mean loss, one point per distribution, with the fit")
  ResponseEntity<String> scatter(
      @PathVariable UUID id,
      @RequestParam String proxy,
      @RequestParam String evalSet,
      @RequestParam(required = false) Integer version) {
    JsonNode e = entry(reader.result(id, version), proxy, evalSet);
    List<Point> points = new ArrayList<>();
    for (int k = 0; k < e.get("proxyLosses").size(); k++) {
      points.add(
          new Point(
              e.get("proxyLosses").get(k).asDouble(),
              e.get("referenceLosses").get(k).asDouble(),
              e.get("distributionNames").get(k).asText()));
    }
    Line fit =
        e.get("slope").isNull()
            ? null
            : new Line(e.get("slope").asDouble(), e.get("intercept").asDouble());
    String title =
        String.format(
            "%s vs %s on %s (R\u00b2 %s, %.0fx cheaper)",
            proxy,
            e.get("referenceScale").asText(),
            evalSet,
            e.get("r2").isNull() ? "n/a" : String.format("%.3f", e.get("r2").asDouble()),
            e.get("computeRatio").asDouble());
    return svg(
        Svg.scatter(
            new ScatterSpec(
                title,
                proxy + " mean loss",
                e.get("referenceScale").asText() + " mean loss",
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
    JsonNode p = entry(reader.result(id, version), proxy, evalSet).get("perExample");
    JsonNode h = p.get("histogram");
    double[] edges = new double[h.get("edges").size()];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = h.get("edges").get(i).asDouble();
    }
    long[] counts = new long[h.get("counts").size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = h.get("counts").get(i).asLong();
    }
    String title =
        String.format(
            "Per-example R\u00b2, %s vs reference on %s (%d of %d examples defined)",
            proxy, evalSet, p.get("defined").asInt(), p.get("examples").asInt());
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
    for (JsonNode e : reader.result(id, version).get("entries")) {
      if (e.hasNonNull("proxyAboveChance") && e.hasNonNull("pearsonR")) {
        points.add(
            new Point(
                e.get("proxyAboveChance").asDouble(),
                e.get("pearsonR").asDouble(),
                e.get("proxyScale").asText() + " / " + e.get("evalSet").asText()));
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

  private static String frontier(ObjectNode doc, String statistic, String label, String metric) {
    Map<String, List<JsonNode>> bySet = new LinkedHashMap<>();
    for (JsonNode e : doc.get("entries")) {
      bySet.computeIfAbsent(e.get("evalSet").asText(), k -> new ArrayList<>()).add(e);
    }
    List<Series> series = new ArrayList<>();
    bySet.forEach(
        (set, entries) -> {
          List<Point> points = new ArrayList<>();
          double[] low = new double[entries.size()];
          double[] high = new double[entries.size()];
          for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            JsonNode value = e.get(statistic);
            JsonNode ci = e.get("ci95").get(statistic);
            points.add(
                new Point(
                    e.get("computeRatio").asDouble(),
                    value.isNull() ? Double.NaN : value.asDouble(),
                    e.get("proxyScale").asText()));
            low[i] = ci.get(0).isNull() ? Double.NaN : ci.get(0).asDouble();
            high[i] = ci.get(1).isNull() ? Double.NaN : ci.get(1).asDouble();
          }
          series.add(new Series(set, points, low, high));
        });
    JsonNode options = doc.get("options");
    Double threshold =
        metric.equals(options.get("metric").asText()) ? options.get("threshold").asDouble() : null;
    return Svg.lines(
        new LineSpec(
            label + " against proxy compute savings",
            "compute ratio (reference FLOPs / proxy FLOPs)",
            label,
            true,
            series,
            threshold));
  }

  private static JsonNode entry(ObjectNode doc, String proxy, String evalSet) {
    for (JsonNode e : doc.get("entries")) {
      if (e.get("proxyScale").asText().equals(proxy) && e.get("evalSet").asText().equals(evalSet)) {
        return e;
      }
    }
    throw new ResponseStatusException(
        HttpStatus.NOT_FOUND,
        "no entry for proxy '" + proxy + "' on evaluation set '" + evalSet + "'");
  }

  private static ResponseEntity<String> svg(String body) {
    return ResponseEntity.ok().header("Content-Type", SVG).body(body);
  }
}
