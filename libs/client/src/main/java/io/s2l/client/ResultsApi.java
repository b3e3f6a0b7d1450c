package io.s2l.client;

import io.s2l.api.Page;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.TargetExamples;
import io.s2l.api.correlation.AnalysisQueued;
import io.s2l.api.correlation.AnalysisVersion;
import io.s2l.api.correlation.RerunRequest;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.mixture.MixtureResult;
import io.s2l.api.run.RunView;
import io.s2l.api.selection.SelectionResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** A study's results on the analysis service: the analyses, the runs, attribution, selection. */
public final class ResultsApi {

  private final Transport http;
  private final String base;

  ResultsApi(Transport http, String analysisUrl) {
    this.http = http;
    this.base = analysisUrl + "/api/v1/studies/";
  }

  /** The latest scale-correlation result; 404 while there is none. */
  public ScaleCorrelationResult scaleCorrelation(UUID id) {
    return scaleCorrelation(id, null);
  }

  /**
   * @param version an older result's version, or null for the latest
   */
  public ScaleCorrelationResult scaleCorrelation(UUID id, Integer version) {
    return http.get(
        base + id + "/scale-correlation" + Transport.query("version", version),
        ScaleCorrelationResult.class);
  }

  /** The latest scale correlation, or empty while there is none (404). */
  public Optional<ScaleCorrelationResult> scaleCorrelationIfReady(UUID id) {
    HttpRequest request =
        http.request(base + id + "/scale-correlation").timeout(Transport.CALL_TIMEOUT).build();
    HttpResponse<String> response = http.send(request, 200, 404);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(
        http.read(response.body(), http.json.constructType(ScaleCorrelationResult.class), request));
  }

  /** One page of the result versions, newest first. */
  public Page<AnalysisVersion> analyses(UUID id, int page, int size) {
    return http.page(
        base + id + "/analyses" + Transport.query("page", page, "size", size),
        AnalysisVersion.class);
  }

  public Stream<AnalysisVersion> analyses(UUID id) {
    return Pages.all(p -> analyses(id, p, Pages.SIZE));
  }

  /** Re-runs the analysis with other options; its result becomes the next version. */
  public AnalysisQueued rerun(UUID id, RerunRequest options) {
    return http.post(base + id + "/analyses", options, AnalysisQueued.class, 202);
  }

  /** One page of a study's runs. */
  public Page<RunView> runs(UUID id, int page, int size) {
    return http.page(
        base + id + "/runs" + Transport.query("size", size, "page", page), RunView.class);
  }

  /** Every run of a study, page after page. */
  public Stream<RunView> runs(UUID id) {
    return Pages.all(p -> runs(id, p, Pages.SIZE));
  }

  public AttributionResult attribution(UUID id) {
    return http.get(base + id + "/attribution", AttributionResult.class);
  }

  /**
   * A target's most helpful and most harmful training examples.
   *
   * @param scale the scale whose scores rank the pool, or null for the reference
   */
  public TargetExamples attributionTarget(UUID id, int target, String scale, int count) {
    return http.get(
        base
            + id
            + "/attribution/targets/"
            + target
            + Transport.query("count", count, "scale", scale),
        TargetExamples.class);
  }

  public SelectionResult selection(UUID id) {
    return http.get(base + id + "/selection", SelectionResult.class);
  }

  public MixtureResult mixture(UUID id) {
    return http.get(base + id + "/mixture", MixtureResult.class);
  }
}
