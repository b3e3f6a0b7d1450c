package io.s2l.analysis.correlation.web;

import io.s2l.access.web.Callers;
import io.s2l.access.web.PageView;
import io.s2l.analysis.correlation.AnalysisReader;
import io.s2l.analysis.correlation.AnalysisRequests;
import io.s2l.analysis.recommendation.RecommendationChoice;
import io.s2l.api.correlation.AnalysisQueued;
import io.s2l.api.correlation.AnalysisVersion;
import io.s2l.api.correlation.RerunRequest;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "scale correlation", description = "How well each proxy scale predicts the reference")
class AnalysisController {

  private final AnalysisReader reader;
  private final AnalysisRequests requests;

  AnalysisController(AnalysisReader reader, AnalysisRequests requests) {
    this.reader = reader;
    this.requests = requests;
  }

  @GetMapping("/api/v1/studies/{id}/scale-correlation")
  @Operation(
      summary = "Scale correlation of a study (latest analysis, or ?version=N)",
      description =
          "One entry per (proxy scale, evaluation set): Pearson r, R^2, Spearman rho, Kendall"
              + " tau, decision accuracy, slope and intercept of reference on proxy mean loss"
              + " across distributions (seed-averaged), each with a seeded 95% bootstrap interval"
              + " (ci95); per-example R^2 distribution; accuracy against chance where the set has"
              + " it; seed noise against spread with several seeds; parameters, compute and the"
              + " compute ratio; links to SVG plots. Plus the recommended proxy and the compute"
              + " frontier. 404 until an analysis has run.")
  ScaleCorrelationResult get(
      @PathVariable UUID id, @RequestParam(required = false) Integer version) {
    return reader.result(id, version);
  }

  @GetMapping("/api/v1/studies/{id}/analyses")
  @Operation(
      summary = "Stored versions of a study's analysis, newest first, a page at a time",
      description = "page from 0, size 1 to 100 (20 by default).")
  PageView<AnalysisVersion> versions(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageView.check(page, size);
    return reader.versions(id, page, size);
  }

  @PostMapping("/api/v1/studies/{id}/analyses")
  @Operation(
      summary = "Re-run a study's analysis with other recommendation settings",
      description =
          "Body (all optional): {\"metric\": \"decisionAccuracy\" | \"r2\", \"threshold\": 0.8,"
              + " \"minDistributions\": 6} (threshold in (0, 1], minDistributions from 3 to 1000)."
              + " 202: queued; the result becomes the next version. Earlier versions are kept.")
  @ApiResponse(responseCode = "202", description = "Accepted: the analysis is queued")
  @ApiResponse(responseCode = "429", description = "The key's quota would be exceeded")
  ResponseEntity<AnalysisQueued> rerun(
      @PathVariable UUID id, @RequestBody(required = false) RerunRequest request) {
    RecommendationChoice choice =
        request == null
            ? RecommendationChoice.DEFAULTS
            : new RecommendationChoice(
                request.metric(), request.threshold(), request.minDistributions());
    String job = requests.rerun(id, choice, Callers.current());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/studies/" + id + "/analyses"))
        .body(new AnalysisQueued(id, job, "QUEUED"));
  }
}
