package io.s2l.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.Page;
import io.s2l.api.attribution.AttributionResult;
import io.s2l.api.attribution.TargetExamples;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.imports.ImportReceipt;
import io.s2l.api.mixture.MixtureResult;
import io.s2l.api.run.RunView;
import io.s2l.api.selection.SelectionResult;
import io.s2l.api.study.StudyView;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's REST API, typed: each call returns the api-model record of its answer. One client
 * speaks to both services (studies on the experiment service, results on the analysis service) with
 * one API key.
 */
public final class S2lClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = ApiJson.mapper();
  private final String experimentUrl;
  private final String analysisUrl;
  private final String key;

  /**
   * @param key the API key sent with every request
   */
  public S2lClient(String experimentUrl, String analysisUrl, String key) {
    this.experimentUrl = experimentUrl;
    this.analysisUrl = analysisUrl;
    this.key = key;
  }

  /** Submits a study definition (JSON); returns the accepted study. */
  public StudyView submit(String definition) {
    HttpRequest request =
        request(experimentUrl + "/api/v1/studies")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(definition))
            .build();
    return read(send(request, 202), StudyView.class, request);
  }

  /**
   * Registers an external trainer (admin keys only): 201 when new, 200 when the same definition was
   * already registered under that name.
   *
   * @param registration the registration's JSON ({@code docs/api.md}, Trainers)
   */
  public void registerTrainer(String registration) {
    HttpRequest request =
        request(experimentUrl + "/api/v1/trainers")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(registration))
            .build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() != 200) {
      expect(response, 201);
    }
  }

  public StudyView study(UUID id) {
    return get(experimentUrl + "/api/v1/studies/" + id, StudyView.class);
  }

  /**
   * Uploads a results file (CSV or JSON by its extension) to the analysis service's import.
   *
   * @param reference the reference scale, or null to let the service choose the largest
   */
  public ImportReceipt importFile(Path file, String reference) {
    return importFile(file, reference, null, null, null);
  }

  /**
   * Imports a results file whose analysis recommends with the given settings (each null keeps the
   * server's default).
   *
   * @param metric {@code decisionAccuracy} or {@code r2}
   * @param threshold in (0, 1]
   * @param minDistributions the fewest distributions for a recommendation, 3 to 1000
   */
  public ImportReceipt importFile(
      Path file, String reference, String metric, Double threshold, Integer minDistributions) {
    String type = file.getFileName().toString().endsWith(".json") ? "application/json" : "text/csv";
    List<String> params = new ArrayList<>();
    if (reference != null) {
      params.add("reference=" + encode(reference));
    }
    if (metric != null) {
      params.add("metric=" + encode(metric));
    }
    if (threshold != null) {
      params.add("threshold=" + threshold);
    }
    if (minDistributions != null) {
      params.add("minDistributions=" + minDistributions);
    }
    String query = params.isEmpty() ? "" : "?" + String.join("&", params);
    HttpRequest request;
    try {
      request =
          request(analysisUrl + "/api/v1/imports" + query)
              .header("Content-Type", type)
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
    } catch (FileNotFoundException e) {
      throw new ApiException("cannot read " + file + ": " + e.getMessage(), 0, e);
    }
    return read(send(request, 202), ImportReceipt.class, request);
  }

  public ScaleCorrelationResult scaleCorrelation(UUID id) {
    return get(scaleCorrelationUrl(id), ScaleCorrelationResult.class);
  }

  /** The latest scale correlation, or empty while there is none (404). */
  public Optional<ScaleCorrelationResult> scaleCorrelationIfReady(UUID id) {
    HttpRequest request = request(scaleCorrelationUrl(id)).GET().build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200);
    return Optional.of(read(response.body(), ScaleCorrelationResult.class, request));
  }

  public AttributionResult attribution(UUID id) {
    return get(analysisUrl + "/api/v1/studies/" + id + "/attribution", AttributionResult.class);
  }

  /**
   * @param scale the scale whose scores rank the pool, or null for the reference
   */
  public TargetExamples attributionTarget(UUID id, int target, String scale, int count) {
    String query = "?count=" + count + (scale == null ? "" : "&scale=" + encode(scale));
    return get(
        analysisUrl + "/api/v1/studies/" + id + "/attribution/targets/" + target + query,
        TargetExamples.class);
  }

  public SelectionResult selection(UUID id) {
    return get(analysisUrl + "/api/v1/studies/" + id + "/selection", SelectionResult.class);
  }

  public MixtureResult mixture(UUID id) {
    return get(analysisUrl + "/api/v1/studies/" + id + "/mixture", MixtureResult.class);
  }

  /** One page of a study's runs. */
  public Page<RunView> runs(UUID id, int page, int size) {
    String url = analysisUrl + "/api/v1/studies/" + id + "/runs?size=" + size + "&page=" + page;
    HttpRequest request = request(url).GET().build();
    JavaType type = json.getTypeFactory().constructParametricType(Page.class, RunView.class);
    return read(send(request, 200), type, request);
  }

  /** Every run of a study, page after page. */
  public List<RunView> runs(UUID id) {
    List<RunView> runs = new ArrayList<>();
    for (int page = 0; ; page++) {
      Page<RunView> body = runs(id, page, 100);
      runs.addAll(body.items());
      if (runs.size() >= body.total() || body.items().isEmpty()) {
        return runs;
      }
    }
  }

  /** A plot (SVG) by its path on the analysis service, as the documents link it. */
  public String plot(String path) {
    return send(request(analysisUrl + path).GET().build(), 200);
  }

  private String scaleCorrelationUrl(UUID id) {
    return analysisUrl + "/api/v1/studies/" + id + "/scale-correlation";
  }

  private HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
  }

  private <T> T get(String url, Class<T> type) {
    HttpRequest request = request(url).GET().build();
    return read(send(request, 200), type, request);
  }

  private String send(HttpRequest request, int expected) {
    HttpResponse<String> response = exchange(request);
    expect(response, expected);
    return response.body();
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ApiException(describe(request) + " failed: " + e.getMessage(), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(describe(request) + " interrupted", 0, e);
    }
  }

  private static void expect(HttpResponse<String> response, int expected) {
    if (response.statusCode() != expected) {
      throw new ApiException(
          describe(response.request())
              + " answered "
              + response.statusCode()
              + ": "
              + response.body(),
          response.statusCode(),
          null);
    }
  }

  private <T> T read(String body, Class<T> type, HttpRequest request) {
    return read(body, json.getTypeFactory().constructType(type), request);
  }

  private <T> T read(String body, JavaType type, HttpRequest request) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          describe(request)
              + ": unreadable "
              + type.getRawClass().getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          0,
          e);
    }
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + request.uri();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
