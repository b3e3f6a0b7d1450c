package io.s2l.testsupport.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A POST without a Content-Length: the body is sent in chunks over HTTP/1.1, so the service learns
 * its length only by reading it.
 */
public final class ChunkedPost {

  private ChunkedPost() {}

  /**
   * Posts {@code body} to {@code path} (with its query) of the service on {@code port} as key
   * {@code key}.
   */
  public static HttpResponse<String> send(
      int port, String path, String key, String contentType, String body)
      throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", contentType)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
