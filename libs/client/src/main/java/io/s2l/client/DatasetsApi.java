package io.s2l.client;

import io.s2l.api.Page;
import io.s2l.api.dataset.DatasetView;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/** Uploaded corpora and evaluation sets on the experiment service. */
public final class DatasetsApi {

  private final Transport http;
  private final String base;

  DatasetsApi(Transport http, String experimentUrl) {
    this.http = http;
    this.base = experimentUrl + "/api/v1/datasets";
  }

  /**
   * Uploads a JSON-lines file, checked line by line as it streams (a bad line is a 400 naming it).
   *
   * @param kind {@code corpus} or {@code evalset}
   */
  public DatasetView upload(Path file, String kind, String name) {
    HttpRequest request;
    try {
      request =
          http.request(base + Transport.query("kind", kind, "name", name))
              .header("Content-Type", "application/x-ndjson")
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("cannot read " + file, e);
    }
    return http.read(
        http.send(request, 201).body(), http.json.constructType(DatasetView.class), request);
  }

  public Page<DatasetView> page(int page, int size) {
    return http.page(base + Transport.query("page", page, "size", size), DatasetView.class);
  }

  public Stream<DatasetView> list() {
    return Pages.all(p -> page(p, Pages.SIZE));
  }

  public DatasetView get(UUID id) {
    return http.get(base + "/" + id, DatasetView.class);
  }
}
