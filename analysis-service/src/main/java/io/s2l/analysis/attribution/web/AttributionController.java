package io.s2l.analysis.attribution.web;

import io.s2l.access.web.BadInputException;
import io.s2l.analysis.attribution.AttributionData;
import io.s2l.analysis.attribution.AttributionDataSource;
import io.s2l.analysis.attribution.AttributionStore;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.ExampleImage;
import io.s2l.api.attribution.ScaleLds;
import io.s2l.api.attribution.TargetExamples;
import io.s2l.attribution.Scores;
import io.s2l.attribution.TopExamples;
import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.ImageSet;
import io.s2l.plots.LineSpec;
import io.s2l.plots.Point;
import io.s2l.plots.Series;
import io.s2l.plots.Svg;
import io.s2l.study.AttributionJobSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "attribution", description = "TRAK attribution across scales and its LDS")
class AttributionController {

  static final int MAX_COUNT = 100;

  private final AttributionStore store;
  private final AttributionDataSource data;

  AttributionController(AttributionStore store, AttributionDataSource data) {
    this.store = store;
    this.data = data;
  }

  @GetMapping("/api/v1/studies/{id}/attribution")
  @Operation(
      summary = "Attribution of an attribution study (latest version)",
      description =
          "Per scale: the linear datamodeling score (LDS, mean Spearman correlation over targets"
              + " between TRAK-predicted and actual reference outputs on fresh random subsets)"
              + " with a seeded 95% bootstrap interval over targets, the compute ratio (reference"
              + " training FLOPs / this scale's), and the order similarity (mean Spearman of"
              + " attribution vectors) to the reference scale, the paired difference of its LDS to"
              + " the reference's (mean over targets, bootstrap interval resampling targets) and,"
              + " with the LASSO check, TRAK's LDS on the subsets the LASSO is scored on; order"
              + " similarity between every pair of scales; the LASSO datamodel's held-out LDS"
              + " when asked for. Text studies (targetSet set) also list, for their first"
              + " targets, every scale's most helpful and harmful pool documents as excerpts"
              + " (topDocuments). 404 until the analysis has run.")
  AttributionResult get(@PathVariable UUID id) {
    AttributionStore.Stored stored = latest(id);
    return stored.document().served(stored.version());
  }

  @GetMapping("/api/v1/studies/{id}/attribution/targets/{target}")
  @Operation(
      summary = "The most helpful and most harmful pool examples for one target",
      description =
          "Scores are TRAK estimates of how much an example's presence in training raises the"
              + " target's output (the log-odds margin of its correct class for images; for text,"
              + " minus the mean loss of an answer, or the log-odds margin of a correct choice):"
              + " helpful = largest positive, harmful = most negative. In an image study each"
              + " example comes with its image (pixels in [0, 1], row-major, and an SVG link) and"
              + " label. In a text study target is null, helpful and harmful are empty, and"
              + " documents holds the target and its pool documents as excerpts of at most 200"
              + " characters. scale: any scale of the study (the reference by default); count: 1"
              + " to "
              + MAX_COUNT
              + ".")
  TargetExamples target(
      @PathVariable UUID id,
      @PathVariable int target,
      @RequestParam(required = false) String scale,
      @RequestParam(defaultValue = "10") int count) {
    AttributionStore.Stored stored = latest(id);
    AttributionResult doc = stored.document();
    String chosen = scale != null ? scale : doc.referenceScale();
    if (count < 1 || count > MAX_COUNT) {
      throw new BadInputException("count: must be between 1 and " + MAX_COUNT);
    }
    Scores scores =
        store
            .scores(id, stored.version(), chosen)
            .orElseThrow(
                () -> new BadInputException("scale: '" + chosen + "' is no scale of this study"));
    if (target < 0 || target >= scores.targets()) {
      throw new BadInputException("target: must be between 0 and " + (scores.targets() - 1));
    }
    if (doc.targetSet() != null) {
      AttributionData text =
          data.of(
              id,
              doc.dataset(),
              doc.targetSet(),
              AttributionJobSpec.poolRunKeys(doc.referenceScale(), 1).get(0));
      return new TargetExamples(
          chosen,
          stored.version(),
          null,
          List.of(),
          List.of(),
          text.documents(chosen, scores, target, doc.targetTestIndices().get(target), count));
    }
    ImageSet images = BuiltinImages.load(doc.dataset());
    return new TargetExamples(
        chosen,
        stored.version(),
        image(
            images,
            "test",
            doc.targetTestIndices().get(target),
            images.testIds(),
            images.testLabels()),
        TopExamples.helpful(scores, target, count).stream().map(r -> ranked(images, r)).toList(),
        TopExamples.harmful(scores, target, count).stream().map(r -> ranked(images, r)).toList(),
        null);
  }

  @GetMapping(value = "/api/v1/studies/{id}/attribution/lds.svg", produces = "image/svg+xml")
  @Operation(summary = "LDS against proxy compute savings (SVG), with 95% intervals")
  ResponseEntity<String> ldsPlot(@PathVariable UUID id) {
    AttributionResult doc = latest(id).document();
    if (!doc.hasLds()) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "study " + id + " has no ground truth, hence no LDS");
    }
    List<Point> points = new ArrayList<>();
    List<Double> low = new ArrayList<>();
    List<Double> high = new ArrayList<>();
    for (ScaleLds e : doc.lds()) {
      points.add(new Point(e.computeRatio(), e.lds(), e.scale()));
      low.add(e.ci95().get(0));
      high.add(e.ci95().get(1));
    }
    String svg =
        Svg.lines(
            new LineSpec(
                "LDS of TRAK computed with each proxy, against the reference",
                "compute ratio (reference FLOPs / proxy FLOPs)",
                "LDS (mean Spearman over targets)",
                true,
                List.of(
                    new Series(
                        "TRAK",
                        points,
                        low.stream().mapToDouble(Double::doubleValue).toArray(),
                        high.stream().mapToDouble(Double::doubleValue).toArray())),
                null));
    return ResponseEntity.ok().header("Content-Type", "image/svg+xml").body(svg);
  }

  @GetMapping(value = "/api/v1/images/{dataset}/{split}/{index}.svg", produces = "image/svg+xml")
  @Operation(summary = "One image of a built-in image set (split: train or test), as SVG")
  ResponseEntity<String> imageSvg(
      @PathVariable String dataset, @PathVariable String split, @PathVariable int index) {
    if (!BuiltinImages.names().contains(dataset)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no image set '" + dataset + "'");
    }
    ImageSet images = BuiltinImages.load(dataset);
    float[][] pixels =
        switch (split) {
          case "train" -> images.trainPixels();
          case "test" -> images.testPixels();
          default -> throw new BadInputException("split: must be train or test");
        };
    if (index < 0 || index >= pixels.length) {
      throw new BadInputException("index: must be between 0 and " + (pixels.length - 1));
    }
    return ResponseEntity.ok()
        .header("Content-Type", "image/svg+xml")
        .body(ImageSvg.grey(pixels[index], images.width(), images.height()));
  }

  private static ExampleImage ranked(ImageSet images, TopExamples.Ranked r) {
    return image(images, "train", r.example(), images.trainIds(), images.trainLabels())
        .scored(r.score());
  }

  private static ExampleImage image(
      ImageSet images, String split, int index, List<String> ids, int[] labels) {
    float[] pixels =
        "train".equals(split) ? images.trainPixels()[index] : images.testPixels()[index];
    List<Float> values = new ArrayList<>(pixels.length);
    for (float v : pixels) {
      values.add(v);
    }
    return new ExampleImage(
        index,
        ids.get(index),
        labels[index],
        "/api/v1/images/" + images.name() + "/" + split + "/" + index + ".svg",
        values,
        null);
  }

  private AttributionStore.Stored latest(UUID id) {
    return store
        .latest(id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "study " + id + " has no attribution analysis (yet)"));
  }
}
