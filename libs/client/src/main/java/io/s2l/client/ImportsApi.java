package io.s2l.client;

import io.s2l.api.imports.ImportReceipt;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.file.Path;

/** Imports of results trained elsewhere, on the analysis service. */
public final class ImportsApi {

  private final Transport http;
  private final String base;

  ImportsApi(Transport http, String analysisUrl) {
    this.http = http;
    this.base = analysisUrl + "/api/v1/imports";
  }

  /**
   * Uploads a results file (CSV, or JSON by its {@code .json} extension); its analysis runs next.
   * Each option null keeps the service's default.
   *
   * @param reference the reference scale, or null to let the service choose the largest
   * @param name the import's name, or null for the file's
   * @param metric {@code decisionAccuracy} or {@code r2}
   * @param threshold in (0, 1]
   * @param minDistributions the fewest distributions for a recommendation, 3 to 1000
   */
  public ImportReceipt upload(
      Path file,
      String reference,
      String name,
      String metric,
      Double threshold,
      Integer minDistributions) {
    String type = file.getFileName().toString().endsWith(".json") ? "application/json" : "text/csv";
    HttpRequest request;
    try {
      request =
          http.request(
                  base
                      + Transport.query(
                          "reference",
                          reference,
                          "name",
                          name,
                          "metric",
                          metric,
                          "threshold",
                          threshold,
                          "minDistributions",
                          minDistributions))
              .header("Content-Type", type)
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("cannot read " + file, e);
    }
    return http.read(
        http.send(request, 202).body(), http.json.constructType(ImportReceipt.class), request);
  }
}
