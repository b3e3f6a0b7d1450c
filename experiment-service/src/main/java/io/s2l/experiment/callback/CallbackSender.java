package io.s2l.experiment.callback;

import io.s2l.experiment.config.CallbackProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Posts one signed event and returns the receiver's answer. Redirects are not followed (a 3xx is a
 * failed attempt: following one would reach a host nobody checked); connecting and the whole
 * exchange are bounded in time, and at most {@code max-response-size} bytes of the answer are read.
 */
@Component
class CallbackSender {

  /** A receiver's answer: its status and the first bytes of its body, as text. */
  record Answer(int statusCode, String body) {
    boolean ok() {
      return statusCode >= 200 && statusCode < 300;
    }
  }

  private final HttpClient client;
  private final Duration readTimeout;
  private final Duration connectTimeout;
  private final int maxResponseBytes;

  CallbackSender(CallbackProperties properties) {
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(properties.connectTimeout())
            .build();
    this.readTimeout = properties.readTimeout();
    this.connectTimeout = properties.connectTimeout();
    this.maxResponseBytes = (int) properties.maxResponseSize().toBytes();
  }

  Answer post(String url, UUID eventId, String body, long timestamp, String signature)
      throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(readTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "s2l-callbacks")
            .header("S2L-Event-Id", eventId.toString())
            .header("S2L-Timestamp", Long.toString(timestamp))
            .header("S2L-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    var exchange = client.sendAsync(request, info -> new BoundedBody(maxResponseBytes));
    try {
      // the request timeout ends at the answer's headers; this bounds its body too
      HttpResponse<byte[]> response =
          exchange.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new IOException("no complete answer within " + readTimeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String why = cause.getClass().getSimpleName();
      throw new IOException(
          cause.getMessage() == null ? why : why + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.cancel(true);
      throw new IOException("interrupted", e);
    }
  }
}
