package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** The platform's REST API as the command line uses it. */
public final class StudyClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String experimentUrl;
  private final String analysisUrl;
  private final String key;

  /**
   * @param key the API key sent with every request
   */
  public StudyClient(String experimentUrl, String analysisUrl, String key) {
    this.experimentUrl = experimentUrl;
    this.analysisUrl = analysisUrl;
    this.key = key;
  }

  private HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
  }

  /** Submits a study definition; returns the accepted study. */
  public JsonNode submit(String definition) {
    HttpRequest request =
        request(experimentUrl + "/api/v1/studies")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(definition))
            .build();
    JsonNode body = send(request, 202);
    return body;
  }

  /** Uploads a results file (CSV or JSON by extension) to the analysis service's import. */
  public JsonNode importFile(Path file, String reference) throws IOException {
    String type = file.getFileName().toString().endsWith(".json") ? "application/json" : "text/csv";
    String query =
        reference == null
            ? ""
            : "?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8);
    HttpRequest request =
        request(analysisUrl + "/api/v1/imports" + query)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    return send(request, 202);
  }

  /** The latest analysis of a study, or null while there is none (404). */
  public JsonNode analysisIfReady(String id) {
    HttpRequest request =
        request(analysisUrl + "/api/v1/studies/" + id + "/scale-correlation").GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return null;
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A plot (SVG) by its path on the analysis service. */
  public String plot(String path) {
    HttpRequest request = request(analysisUrl + path).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public JsonNode study(String id) {
    return get(experimentUrl + "/api/v1/studies/" + id);
  }

  public JsonNode scaleCorrelation(String id) {
    return get(analysisUrl + "/api/v1/studies/" + id + "/scale-correlation");
  }

  public JsonNode attribution(String id) {
    return get(analysisUrl + "/api/v1/studies/" + id + "/attribution");
  }

  public JsonNode selection(String id) {
    return get(analysisUrl + "/api/v1/studies/" + id + "/selection");
  }

  public JsonNode mixture(String id) {
    return get(analysisUrl + "/api/v1/studies/" + id + "/mixture");
  }

  /** Every run of a study, page after page. */
  public ArrayNode runs(String id) {
    ArrayNode runs = json.createArrayNode();
    for (int page = 0; ; page++) {
      JsonNode body = get(analysisUrl + "/api/v1/studies/" + id + "/runs?size=100&page=" + page);
      body.get("items").forEach(runs::add);
      if (runs.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
        return runs;
      }
    }
  }

  private JsonNode get(String url) {
    return send(request(url).GET().build(), 200);
  }

  private JsonNode send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
