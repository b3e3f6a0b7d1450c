package io.s2l.analysis.mixture.web;

import io.s2l.analysis.mixture.MixtureReader;
import io.s2l.api.mixture.MixtureResult;
import io.s2l.api.mixture.MixtureVerification;
import io.s2l.api.mixture.VerifiedMixture;
import io.s2l.plots.LineSpec;
import io.s2l.plots.Point;
import io.s2l.plots.Series;
import io.s2l.plots.Svg;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(
    name = "mixtures",
    description = "Mixtures recommended from proxies, verified at reference scale")
class MixtureController {

  private final MixtureReader reader;

  MixtureController(MixtureReader reader) {
    this.reader = reader;
  }

  @GetMapping("/api/v1/studies/{id}/mixture")
  @Operation(
      summary = "Recommended mixtures of a mixture study and their verification (latest version)",
      description =
          "recommendation: per proxy scale and regression (linear least squares on the domain"
              + " weights; XGBoost trees), the average of the topK candidate mixtures with the"
              + " lowest predicted target loss, searched inside the support of the proxy runs, the"
              + " prediction with its jackknife prediction interval and the regression's"
              + " leave-one-out R^2; the random baseline mixtures. verification (null until the"
              + " reference models are measured): per recommendation the reference's verified"
              + " target loss, the random mixtures' mean, and the gain over random (random minus"
              + " verified: positive is better) with a seeded 95% hierarchical bootstrap interval"
              + " over the units in resampled (seeds, random mixtures, the target set's examples).")
  MixtureResult get(@PathVariable UUID id) {
    return reader.latest(id);
  }

  @GetMapping(value = "/api/v1/studies/{id}/mixture/gain.svg", produces = "image/svg+xml")
  @Operation(summary = "Gain over random of each regression's mixture against proxy compute (SVG)")
  ResponseEntity<String> gainPlot(@PathVariable UUID id) {
    MixtureVerification verification = reader.latest(id).verification();
    if (verification == null) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "study " + id + " is not verified yet");
    }
    Map<String, List<VerifiedMixture>> byMethod = new TreeMap<>();
    for (VerifiedMixture e : verification.entries()) {
      byMethod.computeIfAbsent(e.method(), k -> new ArrayList<>()).add(e);
    }
    List<Series> series = new ArrayList<>();
    for (Map.Entry<String, List<VerifiedMixture>> m : byMethod.entrySet()) {
      List<Point> points = new ArrayList<>();
      double[] low = new double[m.getValue().size()];
      double[] high = new double[low.length];
      for (int i = 0; i < low.length; i++) {
        VerifiedMixture e = m.getValue().get(i);
        points.add(new Point(e.computeRatio(), e.gainOverRandom(), e.proxyScale()));
        low[i] = e.ci95().get(0);
        high[i] = e.ci95().get(1);
      }
      series.add(new Series(m.getKey(), points, low, high));
    }
    String svg =
        Svg.lines(
            new LineSpec(
                "Target loss gain over random mixtures at the reference",
                "compute ratio (reference FLOPs / proxy FLOPs)",
                "random loss - recommended loss (nats)",
                true,
                series,
                null));
    return ResponseEntity.ok().header("Content-Type", "image/svg+xml").body(svg);
  }
}
