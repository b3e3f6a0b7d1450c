package io.s2l.analysis.selection.web;

import io.s2l.analysis.selection.SelectionReader;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.selection.VerifiedSelection;
import io.s2l.plots.GainSweep;
import io.s2l.plots.LineSpec;
import io.s2l.plots.Point;
import io.s2l.plots.Series;
import io.s2l.plots.Svg;
import io.s2l.study.SelectionSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "selection", description = "Data selected with proxies, verified at reference scale")
class SelectionController {

  private final SelectionReader reader;

  SelectionController(SelectionReader reader) {
    this.reader = reader;
  }

  @GetMapping("/api/v1/studies/{id}/selection")
  @Operation(
      summary = "Verified selections of a selection study (latest version)",
      description =
          "Per selection (DsDm with each proxy scale's TRAK scores, and the similarity"
              + " baseline): the loss its proxy datamodel predicted on the holdout targets"
              + " (predictedLoss, DsDm only), the reference's verified holdout loss and accuracy"
              + " after training on it, the same for the mean of the random draws, and the gain"
              + " over random (random loss minus verified loss: positive is better) with a seeded"
              + " 95% hierarchical bootstrap interval that resamples seeds, random draws and holdout"
              + " examples. In a sweep over selection sizes every size has its selections and its"
              + " random baseline (randomBySize). Text studies verify on their target set's"
              + " holdout examples (per-byte loss; accuracy only for multiple-choice sets). DsDm keeps the examples with the"
              + " highest mean TRAK score over the selection targets (a positive score predicts a"
              + " higher correct-class margin, i.e. a lower loss). 404 until verified.")
  SelectionResult get(@PathVariable UUID id) {
    return reader.latest(id);
  }

  @GetMapping(value = "/api/v1/studies/{id}/selection/gain.svg", produces = "image/svg+xml")
  @Operation(
      summary = "Gain over random of the selections (SVG)",
      description =
          "One selection size: DsDm's gain against proxy compute savings, the similarity"
              + " baseline dashed. A sweep over sizes: gain against selection size, one line per"
              + " DsDm proxy and one for the similarity baseline, 95% intervals as bars.")
  ResponseEntity<String> gainPlot(@PathVariable UUID id) {
    SelectionResult doc = reader.latest(id);
    String svg = doc.sizes() != null && doc.sizes().size() > 1 ? sweep(doc) : byCompute(doc);
    return ResponseEntity.ok().header("Content-Type", "image/svg+xml").body(svg);
  }

  private static String sweep(SelectionResult doc) {
    List<GainSweep.Entry> entries = new ArrayList<>();
    for (VerifiedSelection e : doc.entries()) {
      String line =
          SelectionSpec.SIMILARITY.equals(e.method())
              ? "similarity"
              : "DsDm (proxy " + e.proxyScale() + ")";
      entries.add(
          new GainSweep.Entry(
              line, e.size(), e.gainOverRandom(), e.ci95().get(0), e.ci95().get(1)));
    }
    return GainSweep.svg(
        "Holdout loss gain over random at the reference, by selection size",
        "random loss - selection loss (nats)",
        entries);
  }

  private static String byCompute(SelectionResult doc) {
    List<Point> points = new ArrayList<>();
    List<double[]> bounds = new ArrayList<>();
    Double similarity = null;
    for (VerifiedSelection e : doc.entries()) {
      if (SelectionSpec.SIMILARITY.equals(e.method())) {
        similarity = e.gainOverRandom();
        continue;
      }
      points.add(new Point(e.computeRatio(), e.gainOverRandom(), e.proxyScale()));
      bounds.add(new double[] {e.ci95().get(0), e.ci95().get(1)});
    }
    return Svg.lines(
        new LineSpec(
            "Holdout loss gain over random at the reference (dashed: similarity baseline)",
            "compute ratio (reference FLOPs / proxy FLOPs)",
            "random loss - selection loss (nats)",
            true,
            List.of(
                new Series(
                    "DsDm",
                    points,
                    bounds.stream().mapToDouble(b -> b[0]).toArray(),
                    bounds.stream().mapToDouble(b -> b[1]).toArray())),
            similarity));
  }
}
