package io.s2l.analysis.correlation.web;

import io.s2l.analysis.correlation.CorrelationReader;
import io.s2l.analysis.correlation.ScaleCorrelationEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "scale correlation", description = "How well each proxy scale predicts the reference")
class CorrelationController {

  private final CorrelationReader correlations;

  CorrelationController(CorrelationReader correlations) {
    this.correlations = correlations;
  }

  @GetMapping("/api/v1/studies/{id}/scale-correlation")
  @Operation(
      summary = "Scale correlation of a study",
      description =
          "One entry per (proxy scale, evaluation set): Pearson r, R^2, Spearman rho, Kendall"
              + " tau, decision accuracy, slope and intercept of reference on proxy mean loss"
              + " across the study's distributions (seed-averaged), with parameters, compute and"
              + " the compute ratio. 404 until the study's analysis has run.")
  ScaleCorrelationReport get(@PathVariable UUID id) {
    List<ScaleCorrelationEntry> entries = correlations.forStudy(id);
    if (entries.isEmpty()) {
      throw new NoCorrelationYetException(id);
    }
    return new ScaleCorrelationReport(id, entries.get(0).referenceScale(), entries);
  }

  @ExceptionHandler(NoCorrelationYetException.class)
  ProblemDetail notYet(NoCorrelationYetException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("No scale correlation");
    return problem;
  }

  record ScaleCorrelationReport(
      UUID studyId, String referenceScale, List<ScaleCorrelationEntry> entries) {}

  static final class NoCorrelationYetException extends RuntimeException {
    NoCorrelationYetException(UUID id) {
      super(
          "no scale correlation for study "
              + id
              + ": it is unknown or its analysis has not run yet");
    }
  }
}
