package io.s2l.client;

import io.s2l.api.Page;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.TargetExamples;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.imports.ImportReceipt;
import io.s2l.api.mixture.MixtureResult;
import io.s2l.api.run.RunView;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.study.StudyView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's REST API, typed: each call returns the api-model record (or a record of this
 * package) of its answer, and any other answer throws an {@link ApiException} carrying the problem
 * document. One client speaks to both services (studies, datasets, keys, trainers and jobs on the
 * experiment service; results, plots and imports on the analysis service) with one API key. The
 * endpoints are grouped by feature ({@link #studies()}, {@link #results()}, ...); the calls used
 * most are also here. Thread-safe.
 */
public final class S2lClient {

  private final StudiesApi studies;
  private final DatasetsApi datasets;
  private final KeysApi keys;
  private final TrainersApi trainers;
  private final JobsApi jobs;
  private final ResultsApi results;
  private final PlotsApi plots;
  private final ImportsApi imports;

  /**
   * @param experimentUrl the experiment service, e.g. {@code http://localhost:8080}
   * @param analysisUrl the analysis service, e.g. {@code http://localhost:8081}
   * @param key the API key sent with every request
   */
  public S2lClient(String experimentUrl, String analysisUrl, String key) {
    Transport http = new Transport(key);
    String experiment = trimmed(experimentUrl);
    String analysis = trimmed(analysisUrl);
    this.studies = new StudiesApi(http, experiment);
    this.datasets = new DatasetsApi(http, experiment);
    this.keys = new KeysApi(http, experiment);
    this.trainers = new TrainersApi(http, experiment);
    this.jobs = new JobsApi(http, experiment);
    this.results = new ResultsApi(http, analysis);
    this.plots = new PlotsApi(http, analysis);
    this.imports = new ImportsApi(http, analysis);
  }

  public StudiesApi studies() {
    return studies;
  }

  public DatasetsApi datasets() {
    return datasets;
  }

  public KeysApi keys() {
    return keys;
  }

  public TrainersApi trainers() {
    return trainers;
  }

  public JobsApi jobs() {
    return jobs;
  }

  public ResultsApi results() {
    return results;
  }

  public PlotsApi plots() {
    return plots;
  }

  public ImportsApi imports() {
    return imports;
  }

  /** Submits a study definition (JSON); returns the accepted study. */
  public StudyView submit(String definition) {
    return studies.submit(definition);
  }

  public StudyView study(UUID id) {
    return studies.get(id);
  }

  /** Registers an external trainer (admin keys only), or finds it registered as it is. */
  public void registerTrainer(String registration) {
    trainers.register(registration);
  }

  /**
   * Uploads a results file (CSV or JSON by its extension) to the analysis service's import.
   *
   * @param reference the reference scale, or null to let the service choose the largest
   */
  public ImportReceipt importFile(Path file, String reference) {
    return imports.upload(file, reference, null, null, null, null);
  }

  /** As {@link ImportsApi#upload}. */
  public ImportReceipt importFile(
      Path file, String reference, String metric, Double threshold, Integer minDistributions) {
    return imports.upload(file, reference, null, metric, threshold, minDistributions);
  }

  public ScaleCorrelationResult scaleCorrelation(UUID id) {
    return results.scaleCorrelation(id);
  }

  /** The latest scale correlation, or empty while there is none (404). */
  public Optional<ScaleCorrelationResult> scaleCorrelationIfReady(UUID id) {
    return results.scaleCorrelationIfReady(id);
  }

  public AttributionResult attribution(UUID id) {
    return results.attribution(id);
  }

  /** As {@link ResultsApi#attributionTarget}. */
  public TargetExamples attributionTarget(UUID id, int target, String scale, int count) {
    return results.attributionTarget(id, target, scale, count);
  }

  public SelectionResult selection(UUID id) {
    return results.selection(id);
  }

  public MixtureResult mixture(UUID id) {
    return results.mixture(id);
  }

  /** One page of a study's runs. */
  public Page<RunView> runs(UUID id, int page, int size) {
    return results.runs(id, page, size);
  }

  /** Every run of a study. */
  public List<RunView> runs(UUID id) {
    return results.runs(id).toList();
  }

  /** A plot (SVG) by its path on the analysis service, as the documents link it. */
  public String plot(String path) {
    return plots.byPath(path);
  }

  /** The URL without a trailing slash, so paths append to it; null stays null (unused service). */
  private static String trimmed(String url) {
    return url == null ? null : url.replaceFirst("/+$", "");
  }
}
